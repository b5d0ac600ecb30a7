import { parseArgs } from "node:util";

import { checkDataset } from "./dataset/check";
import { generateDataset } from "./dataset/generate";
import { defaultDatasetFile, parseSize } from "./dataset/sizes";

/**
 * Generates a benchmark dataset: `npx tsx bench/generate.ts --size S
 * [--out data/bench/S.db] [--check]`. --check verifies the product's
 * invariants on the result with SQL afterwards.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "S" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
    },
  });
  const size = parseSize(values.size);
  const file = values.out ?? defaultDatasetFile(size.name);

  const result = await generateDataset(size, file, (message) => console.log(message));
  console.log(`wrote ${file} in ${result.seconds.toFixed(1)} s`, result.rows);

  if (values.check) {
    const failures = checkDataset(file);
    for (const failure of failures) console.error(`FAILED ${failure}`);
    if (failures.length > 0) process.exit(1);
    console.log("invariants hold");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
