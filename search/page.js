// The search results panel, forgiving (README, "Search"): "Did you mean ...?" above the results when the
// search worker (worker.js) corrected a typo, and a way out when nothing matched: the words typed, the
// topics to browse and a button that opens the shopper's email to the shop with those words in it.
//
// A plain module with no dependencies. Until the shopper types into the search box it only waits: the
// panel's topics and email address are in the page already (<template id="help-search-help">), and the
// search itself stays Material's. Everything shown is text or a link, reachable with the arrow keys as
// Material's results are.

// The rules (no DOM; tests/search/test_search_panel.py checks them against the Python side) -----------------

/** A mailto: URL as hooks/helpcentre/content/contact.py writes it (RFC 6068): lines end in CRLF, and everything
    but letters, digits and "-._~" is percent-encoded, as Python's quote(..., safe=""). */
export function mailto(address, subject, body = "") {
  const encode = text => encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const url = `mailto:${address}?subject=${encode(subject)}`;
  return body ? `${url}&body=${encode(body.replace(/\r?\n/g, "\r\n"))}` : url;
}

/** The query as the shopper meant it: [{text, corrected}] parts, each typo replaced by its correction. */
export function meantQuery(query, corrections) {
  const parts = [];
  let rest = query;
  for (const { typed, meant } of corrections) {
    const at = rest.indexOf(typed);
    if (at < 0) continue;
    if (at > 0) parts.push({ text: rest.slice(0, at), corrected: false });
    parts.push({ text: meant, corrected: true });
    rest = rest.slice(at + typed.length);
  }
  if (rest) parts.push({ text: rest, corrected: false });
  return parts;
}

// The page -------------------------------------------------------------------------------------------

const input = document.querySelector("input.md-search__input");
const result = document.querySelector("[data-md-component=search-result]");
const help = document.getElementById("help-search-help");
// The template's links are relative to the page it came with. Material's instant navigation keeps the
// header (and this template) while the address changes, so they are resolved against this address.
const templateBase = document.baseURI;
let started = false;

if (input && result && help) {
  input.addEventListener("input", start, { once: true });
  if (input.value) start();  // a link with ?q= filled the box in
}

function start() {
  if (started) return;
  started = true;
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  const note = document.createElement("div");
  note.className = "help-search-note md-typeset";
  note.setAttribute("aria-live", "polite");
  meta.after(note);
  let latest = { query: null, corrections: [] };  // what the worker last searched
  let shown = "";

  const update = () => {
    const value = input.value;
    const empty = value.trim() !== "" && list.children.length === 0 && meta.textContent.trim() === none;
    const corrected = !empty && latest.query === value && latest.corrections.length > 0 && list.children.length > 0;
    const state = empty ? `none:${value}` : corrected ? `meant:${value}` : "";
    if (state === shown) return;
    shown = state;
    note.replaceChildren(...(empty ? nothingMatched(value) : corrected ? didYouMean(value, latest.corrections) : []));
  };

  new BroadcastChannel("help-search").addEventListener("message", event => {
    latest = event.data;
    update();
  });
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  new MutationObserver(update).observe(list, { childList: true });

  note.addEventListener("click", event => {  // "Did you mean": search the corrected words, here
    const link = event.target.closest("a[data-help-query]");
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();  // Material closes the search on a click on any link
    input.value = link.dataset.helpQuery;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup", { key: "Enter" }));  // Material searches on keyup
  });
  input.addEventListener("keydown", event => {
    // Material's Enter opens the best result; with none, it would open the first of the panel's links.
    if (event.key === "Enter" && shown.startsWith("none:")) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
  update();
}

/** A link in the results, reachable with the arrow keys, that Material's Enter ranks below any result. */
function resultLink(href, ...content) {
  const link = document.createElement("a");
  link.href = href;
  link.tabIndex = -1;  // as Material's result links: the arrow keys move between them, Tab closes search
  const label = document.createElement("span");
  label.dataset.mdScore = "0";
  label.append(...content);
  link.append(label);
  return link;
}

function didYouMean(query, corrections) {
  const parts = meantQuery(query, corrections);
  const meant = parts.map(part => part.text).join("");
  const words = parts.map(part => {
    if (!part.corrected) return part.text;
    const strong = document.createElement("strong");
    strong.textContent = part.text;
    return strong;
  });
  const link = resultLink(`?q=${encodeURIComponent(meant)}`, ...words);
  link.dataset.helpQuery = meant;
  const line = document.createElement("p");
  line.className = "help-search-meant";
  const [before, after] = help.dataset.helpMeant.split("{{ query }}"); // the words file's, around the query
  line.append(before, link, after);
  return [line];
}

function nothingMatched(query) {
  const panel = help.content.firstElementChild.cloneNode(true);
  panel.querySelector("[data-help-typed]").textContent = query.trim();
  for (const link of panel.querySelectorAll("a")) {
    link.href = new URL(link.getAttribute("href"), templateBase).href;
    link.tabIndex = -1;
    const label = document.createElement("span");
    label.dataset.mdScore = "0";
    label.append(...link.childNodes);
    link.append(label);
  }
  const email = panel.querySelector("a[data-help-email]");
  const { helpEmail, helpSubject, helpBodyStart, helpBodyEnd } = email.dataset;
  email.href = mailto(helpEmail, helpSubject, `${helpBodyStart}${query.trim()}${helpBodyEnd}`);
  return [panel];
}
