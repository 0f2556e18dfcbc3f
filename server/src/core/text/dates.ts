/** Jekyll post dates: `YYYY-MM-DD HH:MM:SS +ZZZZ` in front matter, `YYYY-MM-DD-Title.md` as file name. */

const POST_NAME = /(?:^|\/)(\d{4})-(\d{1,2})-(\d{1,2})-([^/]*?)(?:\.[^./]*)?$/;

const pad = (n: number): string => String(Math.abs(n)).padStart(2, "0");

/** `YYYY-MM-DD 00:00:00 +ZZZZ` for a day, with the time zone of the machine, as Jekyll posts write it. */
export function jekyllDate(day: Date): string {
  const offset = -day.getTimezoneOffset();
  const zone = `${offset >= 0 ? "+" : "-"}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())} 00:00:00 ${zone}`;
}

/** The parts of a post's file name (year, month, day, title), or null when it is not one. */
function matchPostName(uri: string): RegExpExecArray | null {
  // Only the last segment can hold the name (the pattern spans no `/`): decoding the rest would be waste.
  return POST_NAME.exec(decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1)));
}

const dateOf = (m: RegExpExecArray): string => `${m[1]!}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;

/** The date and title a post's file name gives (Jekyll also accepts one-digit months and days). */
export function postName(uri: string): { date: string; title: string } | undefined {
  const m = matchPostName(uri);
  return m ? { date: dateOf(m), title: m[4]!.replace(/[-_]+/g, " ").trim() } : undefined;
}

/**
 * Whether a post's file name starts with `day` (written `YYYY-MM-DD`) and a dash, with no escape
 * in it: `postDate` then gives that day. Nearly every post is named so, and the date check of
 * every card is spared decoding and matching its name.
 */
export function namedOn(uri: string, day: string): boolean {
  const start = uri.lastIndexOf("/") + 1;
  return uri.startsWith(day, start) && uri.charCodeAt(start + day.length) === 45 && !uri.includes("%", start);
}

/** The date alone, as `postName` gives it: the date check of every card needs no title. */
export function postDate(uri: string): string | undefined {
  const m = matchPostName(uri);
  return m ? dateOf(m) : undefined;
}
