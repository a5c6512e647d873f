// Runs search/worker.js's rules (readQuery) and lunr.js's stemmer, as the browser has them, over a JSON
// request on stdin: {worker, material, separator, vocabulary, words, queries}. Prints {stems, reads}.
// Used by tests/search/test_search_worker.py to hold the Python rules (tests/search/material_search.py) to the same
// answers. Both scripts run in one context, as in the worker: Material's defines `lunr`, ours the rules.
import fs from "node:fs";
import vm from "node:vm";

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const context = { addEventListener() {}, postMessage() {}, console };
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(request.material, "utf8"), context);
vm.runInContext(fs.readFileSync(request.worker, "utf8"), context);
context.request = request;
const answer = vm.runInContext(`(() => {
  const stem = word => lunr.stemmer(new lunr.Token(word)).toString();
  const lexicon = makeLexicon(request.vocabulary, stem);
  const separator = new RegExp(request.separator);
  const stems = Object.fromEntries(request.words.map(word => [word, stem(word)]));
  const reads = Object.fromEntries(request.queries.map(query => [query, readQuery(query, separator, lexicon)]));
  return JSON.stringify({ stems, reads });
})()`, context);
process.stdout.write(answer);
