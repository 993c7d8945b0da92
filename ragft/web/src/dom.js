/*
 * dom.js: building elements. Every text from the payload goes in as a text node, never as
 * markup; the SVG import keeps to that rule too.
 */

var SVG_NS = "http://www.w3.org/2000/svg";
var SPAN_TAGS = { em: "em", strong: "strong", code: "code" };

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

/**
 * The presentation layer's spans ([text, style, href], ragft.present.data) as DOM: a style
 * becomes its element, a walker link ("#...") an anchor.
 */
function spans(parts, target) {
  var out = target || document.createDocumentFragment();
  (parts || []).forEach(function (part) {
    var node = document.createTextNode(part[0]);
    if (part[1] && SPAN_TAGS[part[1]]) { node = el(SPAN_TAGS[part[1]], null, [node]); }
    if (part[2]) { node = el("a", { href: part[2] }, [node]); }
    out.appendChild(node);
  });
  return out;
}

/** The plain words of some spans. */
function spanText(parts) {
  return (parts || []).map(function (part) { return part[0]; }).join("");
}

/** Fill a label's {name} slots with text (labels come from ragft.present.words). */
function label(data, name, values) {
  var text = data.walker.labels[name] || "";
  Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
  return text;
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
