/*
 * share.js: the data as the walker reads it. walker.html carries it packed (ragft.web.share):
 * what the states repeat is kept once in data.shared; a negative integer -1-i stands for
 * shared[i], {"+": [parts]} for the string its parts make, and {"=": [keys, values...]} for
 * the object with those keys and values. unshare() rebuilds the export exactly, once, before
 * anything is looked up; data that is not packed is returned as it is.
 */

function unshare(packed) {
  if (!packed || typeof packed !== "object" || !has(packed, "shared")) { return packed; }
  var table = packed.shared, made = {};
  var open = function (value) {
    if (typeof value === "number" && value < 0) {
      var i = -1 - value;
      if (!has(made, i)) { made[i] = open(table[i]); }
      return made[i];
    }
    if (Array.isArray(value)) { return value.map(open); }
    if (!value || typeof value !== "object") { return value; }
    var keys = Object.keys(value), out = {};
    if (keys.length === 1 && keys[0] === "+") { return value["+"].map(open).join(""); }
    if (keys.length === 1 && keys[0] === "=") {
      var row = value["="];
      open(row[0]).forEach(function (k, n) { out[k] = open(row[n + 1]); });
      return out;
    }
    keys.forEach(function (k) { out[k] = open(value[k]); });
    return out;
  };
  var data = {};
  Object.keys(packed).forEach(function (k) { if (k !== "shared") { data[k] = open(packed[k]); } });
  return data;
}
