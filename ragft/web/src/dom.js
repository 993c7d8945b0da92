/*
 * dom.js: building elements. Every text from the payload goes in as a text node, never as
 * markup; the tiny Markdown renderer and the SVG import keep to that rule too.
 */

var SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
    });
  }
  (children || []).forEach(function (child) {
    if (child === null || child === undefined) { return; }
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
}

function srOnly(text) { return el("span", { "class": "ragft-sr", text: text }); }

// Inline Markdown of a record line: **strong**, *em*, `code`, <https://link>.
var INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|<https?:\/\/[^>\s]+>)/;

function inline(target, text) {
  text.split(INLINE).forEach(function (part, i) {
    if (!part) { return; }
    if (i % 2 === 0) { target.appendChild(document.createTextNode(part)); return; }
    if (part.slice(0, 2) === "**") { target.appendChild(el("strong", { text: part.slice(2, -2) })); }
    else if (part[0] === "*") { target.appendChild(el("em", { text: part.slice(1, -1) })); }
    else if (part[0] === "`") { target.appendChild(el("code", { text: part.slice(1, -1) })); }
    else { var url = part.slice(1, -1); target.appendChild(el("a", { href: url, text: url })); }
  });
  return target;
}

/** Render the record's Markdown (the subset ragft.record writes) as DOM, text-only. */
function renderMarkdown(markdown) {
  var out = document.createDocumentFragment();
  var list = null, para = null;
  markdown.split("\n").forEach(function (line) {
    var m;
    if ((m = /^(#{1,2}) (.*)$/.exec(line))) {
      list = para = null;
      out.appendChild(inline(el(m[1].length === 1 ? "h3" : "h4"), m[2]));
    } else if ((m = /^(- |\d+\. )(.*)$/.exec(line))) {
      para = null;
      var tag = m[1] === "- " ? "ul" : "ol";
      if (!list || list.tagName.toLowerCase() !== tag) { list = out.appendChild(el(tag)); }
      list.appendChild(inline(el("li"), m[2]));
    } else if (!line.trim()) {
      list = para = null;
    } else {
      list = null;
      if (para) { para.appendChild(document.createTextNode(" ")); } else { para = out.appendChild(el("p")); }
      inline(para, line);
    }
  });
  return out;
}

/** Parse an SVG file's text and drop anything that could run (scripts, handlers, links out). */
function safeSvg(text) {
  var doc = new DOMParser().parseFromString(text, "image/svg+xml");
  var svg = doc.documentElement;
  if (!svg || svg.namespaceURI !== SVG_NS || doc.getElementsByTagName("parsererror").length) { return null; }
  Array.prototype.slice.call(svg.querySelectorAll("script, foreignObject, iframe, object, embed"))
    .forEach(function (n) { n.parentNode.removeChild(n); });
  Array.prototype.slice.call(svg.querySelectorAll("*")).concat([svg]).forEach(function (n) {
    Array.prototype.slice.call(n.attributes).forEach(function (a) {
      var name = a.name.toLowerCase();
      if (name.slice(0, 2) === "on" || (/href$/.test(name) && a.value.charAt(0) !== "#")) {
        n.removeAttribute(a.name);
      }
    });
  });
  return document.importNode(svg, true);
}
