/**
 * Emoji forms people actually paste: with or without the variation selector U+FE0F, with or
 * without the zero-width joiner and gender sign (🏃‍♀️ / 🏃♀️ / 🏃), and UTF-8 bytes read back as
 * Windows-1252 or -1254 ("mojibake", e.g. `ğŸ”‘` for 🔑), sometimes with bytes lost on the way.
 */

/** Joiners, selectors and modifiers that change an emoji's look but not which emoji it is. */
const DECORATION = /\u200d|\ufe0e|\ufe0f|\u2640|\u2642|\p{Emoji_Modifier}/gu;

/** The emoji's identity: the same for every variation-selector and ZWJ form. */
export function emojiBase(text: string): string {
  return text.replace(DECORATION, "").replace(/\s+/g, "");
}

// Bytes 0x80-0x9F decode differently in Windows-1252/1254 than in Latin-1; both pages share these.
const CP125X_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
// Windows-1254 (Turkish) differs from Latin-1 in six letters of the upper half.
const CP1254_LETTERS: Readonly<Record<number, string>> = { 0xd0: "Ğ", 0xdd: "İ", 0xde: "Ş", 0xf0: "ğ", 0xfd: "ı", 0xfe: "ş" };
// In 1254, 0x8E/0x9E are unassigned (so Ž/ž are never produced) but the rest of the high block matches.

const utf8 = new TextDecoder("utf-8");

/** Maps each character a UTF-8 byte ≥ 0x80 can turn into back to that byte. */
const BYTE_OF: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let b = 0xa0; b <= 0xff; b++) map.set(String.fromCharCode(b), b);
  Array.from(CP125X_HIGH).forEach((ch, i) => map.set(ch, 0x80 + i));
  for (const [byte, ch] of Object.entries(CP1254_LETTERS)) map.set(ch, Number(byte));
  return map;
})();

/**
 * True when `text` looks like UTF-8 bytes of non-ASCII text decoded as a Windows code page:
 * every character is one a high byte can become (or U+FFFD for a lost byte), and there is at least one.
 */
export function isMojibake(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  let sawHighByte = false;
  for (const ch of trimmed) {
    if (BYTE_OF.has(ch)) sawHighByte = true;
    else if (ch !== "\ufffd" && ch !== "?") return false;
  }
  return sawHighByte;
}

/**
 * Re-encodes mojibake to bytes and decodes them as UTF-8; characters that are not mojibake pass
 * through unchanged. Lost bytes decode as U+FFFD, so callers compare against expected text rather
 * than trusting the result blindly.
 */
export function decodeMojibake(text: string): string {
  let out = "";
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += utf8.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (const ch of text) {
    const byte = BYTE_OF.get(ch);
    if (byte === undefined) {
      flush();
      out += ch;
    } else {
      bytes.push(byte);
    }
  }
  flush();
  return out;
}

/** A character that can be part of an emoji as people paste it: pictographs, joiners, selectors, keycaps. */
const EMOJI_CHAR_SOURCE = String.raw`\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\u2640\u2642]|\ufe0e|\ufe0f|\u20e3`;
const EMOJI_CHAR = new RegExp(EMOJI_CHAR_SOURCE, "u");

/**
 * A prefix of emoji characters and then blanks, as almost every card writes it: the scan below finds
 * all of it is the emoji (nothing in it is mojibake or other text), so the scan is skipped.
 */
const ONLY_EMOJI = new RegExp(String.raw`^(?:${EMOJI_CHAR_SOURCE})+\s*$`, "u");

/** True for a character an emoji can be made of, or that mojibake of one can contain. */
const isEmojiLike = (ch: string): boolean => EMOJI_CHAR.test(ch) || BYTE_OF.has(ch) || ch === "\ufffd";

/**
 * How much of the text before a field's label is its emoji (mojibake included): the leading run of
 * emoji-like characters, and the blanks after it when the label follows directly. Other text there
 * (`📏模型大小 Model Size`, `Ω Model Size`) is the user's and no emoji fix may replace it.
 */
export function emojiPrefixLength(prefix: string): number {
  if (ONLY_EMOJI.test(prefix)) return prefix.length;
  let end = 0;
  let pictographs = 0;
  for (const ch of prefix) {
    if (!isEmojiLike(ch)) break;
    end += ch.length;
    if (EMOJI_CHAR.test(ch)) pictographs = end;
  }
  // Latin-1 letters and signs (`±`, `é`) count only as mojibake of an emoji, not on their own.
  if (end > pictographs && !/\p{Extended_Pictographic}|\ufffd/u.test(decodeMojibake(prefix.slice(0, end)))) end = pictographs;
  return prefix.slice(end).trim() === "" ? prefix.length : end;
}
