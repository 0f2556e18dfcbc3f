/**
 * How the Node server's V8 heap grows. V8 sizes a heap for throughput: after the server has read
 * 10,000 cards (at start-up, and again for a workspace check) it kept a 32 MiB young generation
 * and let the old one grow to four times what was alive: 205 MiB resident for a 25 MiB live heap,
 * four times an idle server, and V8 gives it back only after seconds of idleness. A language
 * server idles in the background of an editor most of its life, next to others, so it trades a
 * little collection time for memory: the young generation keeps its starting size and the old one
 * grows by 30% past what is alive. Measured on 10,000 generated cards with the packed index
 * (../packedCard.ts): 97 MiB after the check instead of 205 (an idle server: 53), the check's time
 * within the noise of side-by-side runs (`npm run bench`).
 *
 * These flags are read each time V8 resizes a space, so setting them once the process runs
 * applies from then on; loading the modules before has grown the heap by little.
 */
import { setFlagsFromString } from "node:v8";

export function conserveHeap(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=30");
}
