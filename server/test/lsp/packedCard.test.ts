// The workspace index keeps rows and symbols packed: unpacked, they must be what the card gave.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cardRow } from "../../src/core/features/table";
import { cardSymbols } from "../../src/core/features/workspace";
import { packRow, packSymbol, unpackRow, unpackSymbol } from "../../src/packedCard";
import { analyzeCard, fixtureNames, readFixture } from "../core/helpers";

test("every fixture card's row and symbols come back from the index as the card gave them", () => {
  let cells = 0;
  let withSort = 0;
  let withOptions = 0;
  let notReported = 0;
  for (const name of fixtureNames()) {
    const analysis = analyzeCard(readFixture(name));
    const row = cardRow(analysis);
    assert.deepEqual(row && unpackRow(packRow(row)!), row, name);
    for (const cell of Object.values(row?.cells ?? {})) {
      cells++;
      if (cell?.sort !== undefined) withSort++;
      if (cell?.values) withOptions++;
      if (cell?.text === null) notReported++;
    }
    const symbols = cardSymbols(analysis);
    assert.deepEqual(symbols.map((s) => unpackSymbol(analysis.uri, packSymbol(s))), symbols, name);
  }
  // The fixtures hold every kind of cell the packing tells apart.
  assert.ok(cells > 100 && withSort > 10 && withOptions > 10 && notReported > 0, `${cells} cells, ${withSort} sorted, ${withOptions} with options, ${notReported} not reported`);
});
