// Material for MkDocs' search worker, made to forgive word forms and typos (README, "Search").
//
// A classic worker script. The hook writes it next to Material's own worker, followed by one line that
// imports Material's worker (search.<hash>.min.js) unchanged with importScripts; the pages' config
// (overrides/main.html) points Material at this file instead of its own: a wrapper, not a fork.
//
// Why a wrapper, and not `pipeline: [stemmer]` alone: Material sends every word of a query to lunr as
// a prefix ("dispatched*"), and lunr runs no pipeline on a word with a wildcard, so the index would be
// stemmed ("dispatch") and the query not; only code in the worker can stem the query. This script
// reads each QUERY message before Material's worker does (its listener is added first) and rewrites
// the query's words the way the index was written:
//
//   - a word of five letters or more that is neither a word of the index nor the start of one, nor a
//     form of one, becomes the nearest word of the vocabulary one edit away (a letter missing, extra,
//     changed, or two swapped): first a word the shopper left a letter out of, the commonest typo
//     ("xchange" -> "exchange", not "change"), then the most frequent ("refnud" -> "refund"); or else
//     the nearest -s, -ed or -ing form of one ("leakekd" -> "leaked");
//   - every word is stemmed with lunr's own stemmer, as the index was ("dispatched" -> "dispatch");
//     a word still being typed keeps only the part that starts a stemmed word ("cancella" -> "cancel");
//     a question word is searched as a whole word (its stem "whi" would otherwise find "which"), and
//     weighs QUESTION_WORD_WEIGHT times another: "when" tells "When will my order arrive?" from "What
//     happens if my parcel is lost?" for "when will my parcel arrive".
//
// Its answers are Material's, less the weak ones: a result must match two of the query's words, or every
// word of a shorter query (`MIN_MATCHED_WORDS`, measured in docs/measurements.md), so that a question the
// help centre cannot answer ("click and collect") gets the page's no-result panel, not an unrelated answer.
//
// The corrections it made are posted on the BroadcastChannel "help-search", where the page script
// (page.js) shows "Did you mean ...?". The rules are written in Python too (tests/search/material_search.py,
// `read_query`), and the tests check that both give the same results for every evaluated query.

"use strict";

const TYPO_MIN_LENGTH = 5;
const MIN_MATCHED_WORDS = 2;  // a result matches every word of a shorter query, or this many
const RESULT = 3;  // Material's worker message with the results
const CHANNEL = "help-search";
const QUESTION_WORDS = new Set(["what", "when", "where", "which", "who", "whom", "whose", "why", "how"]);
const QUESTION_WORD_WEIGHT = 3;  // measured in docs/measurements.md

// The pure rules ---------------------------------------------------------------------------------

/** Whether `a` becomes `b` by one edit: a letter missing, extra or changed, or two neighbours swapped. */
function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** What the search knows: the vocabulary (most frequent word first), and each word's stem. */
function makeLexicon(vocabulary, stem) {
  return { words: vocabulary, known: new Set(vocabulary), stems: vocabulary.map(stem), stem };
}

/** The word of the vocabulary that a word of five letters or more was meant to be, or null when
    the word is known: a word of the index, the start of one, or a form of one. */
function meantWord(word, lexicon) {
  if (word.length < TYPO_MIN_LENGTH || !/^[a-z]+$/.test(word) || lexicon.known.has(word)) return null;
  if (lexicon.words.some(known => known.startsWith(word))) return null;
  const stem = lexicon.stem(word);
  if (lexicon.stems.some(known => known.startsWith(stem))) return null;
  // A letter left out is the commonest typo: a word one letter longer first, then one as long, then one
  // shorter; the most frequent first among equals (the sort is stable).
  const near = lexicon.words.filter(known => oneEditApart(word, known)).sort((a, b) => b.length - a.length);
  return near[0] || wordForms(lexicon).find(form => oneEditApart(word, form)) || null;
}

/** The -s, -ed and -ing forms of the vocabulary's words and of their stems (by spelling rules alone),
    for a typo in a word form the answers don't use ("leakekd" for "leaked", from "leaking"); made the
    first time one is needed. */
function wordForms(lexicon) {
  if (!lexicon.forms) {
    const forms = new Set();
    lexicon.words.forEach((known, n) => {
      for (const word of [known, lexicon.stems[n]]) {  // "leaking" and "leak"
        const base = word.endsWith("e") ? word.slice(0, -1) : word;
        const doubled = /[^aeiou][aeiou][^aeiouwxy]$/.test(word) ? word + word.slice(-1) : null;
        for (const form of [word + "s", base + "ed", base + "ing", doubled && doubled + "ed", doubled && doubled + "ing"]) {
          if (form && !lexicon.known.has(form)) forms.add(form);
        }
      }
    });
    lexicon.forms = [...forms];
  }
  return lexicon.forms;
}

/** The term searched for a word: its stem; a word still being typed (the start of words of the
    vocabulary, not one itself) keeps the part its stem shares with theirs. */
function searchTerm(word, lexicon) {
  const stem = lexicon.stem(word);
  if (lexicon.known.has(word)) return stem;
  let term = null;
  lexicon.words.forEach((known, n) => {
    if (known.startsWith(word)) {
      const shared = commonPrefix(word, lexicon.stems[n]);
      if (term === null || shared.length < term.length) term = shared;
    }
  });
  return term === null || term === "" ? stem : term;
}

/** A shopper's query read against the lexicon: the query to search, and the corrections made. */
function readQuery(query, separator, lexicon) {
  const terms = [];
  const corrections = [];
  for (const typed of query.split(separator)) {
    if (!typed) continue;
    let word = typed.toLowerCase();
    if (!/^[\p{L}\p{N}']+$/u.test(word)) {  // lunr's query syntax (+, ~, ^, *) is left as it is
      terms.push(word);
      continue;
    }
    const meant = meantWord(word, lexicon);
    if (meant !== null) {
      corrections.push({ typed, meant });
      word = meant;
    }
    // A question word is searched as itself, not as the start of others ("why" is not "which", "while"):
    // a term with a boost (^3) is the one Material does not turn into a prefix.
    terms.push(QUESTION_WORDS.has(word) ? `${lexicon.stem(word)}^${QUESTION_WORD_WEIGHT}` : searchTerm(word, lexicon));
  }
  return { search: terms.join(" "), corrections };
}

/** Material's result groups without the weak ones: a group is kept when one of its entries matched
    MIN_MATCHED_WORDS of the query's words, or all of fewer (Material's `terms`: each word, true when it matched). */
function withoutWeakMatches(groups) {
  const strong = terms => {
    const words = Object.values(terms || {});
    return words.length > 0 && words.filter(Boolean).length >= Math.min(words.length, MIN_MATCHED_WORDS);
  };
  return groups.filter(group => group.some(entry => strong(entry.terms)));
}

// The worker ---------------------------------------------------------------------------------------

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  let separator = null;
  let vocabulary = [];
  let lexicon = null;  // made at the first query: nothing is done before the shopper types
  let channel = null;

  const post = self.postMessage.bind(self);
  self.postMessage = message => {  // Material's worker answers through this
    if (message && message.type === RESULT && lexicon !== null) {
      message = { ...message, data: { ...message.data, items: withoutWeakMatches(message.data.items) } };
    }
    post(message);
  };

  self.addEventListener("message", event => {
    const message = event.data;
    if (message.type === 0) {  // SETUP: the index, as Material's page sends it
      separator = new RegExp(message.data.config.separator);
      vocabulary = message.data.config.vocabulary || [];
      lexicon = null;
    } else if (message.type === 2 && typeof message.data === "string" && separator) {  // QUERY
      if (lexicon === null) {
        const stem = word => self.lunr.stemmer(new self.lunr.Token(word)).toString();
        lexicon = makeLexicon(vocabulary, stem);
        channel = new BroadcastChannel(CHANNEL);
      }
      const query = message.data;
      const read = readQuery(query, separator, lexicon);
      message.data = read.search;  // Material's listener, next, searches this
      channel.postMessage({ query, corrections: read.corrections });
    }
  });
}
