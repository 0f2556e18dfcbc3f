/**
 * A deep copy that shares no string with the text it was read from. V8 keeps a whole string alive
 * for any slice of it, so what outlives a card's analysis (a workspace index of 10,000 cards) must
 * not hold slices of the card's text, or every file stays in memory.
 */
export const detached = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
