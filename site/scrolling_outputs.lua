-- A notebook's stored outputs scroll sideways when they are wider than the column: a printed
-- text (its <pre>) with a long line, or a table (its output block). On a phone most do. Only
-- what can take focus can be scrolled from the keyboard (WCAG 2.1.1; axe-core's
-- scrollable-region-focusable), so each becomes a named, focusable group, as the home page's
-- tree scroller is (site/prerender.py). The stored outputs are left as they are: this runs on
-- Quarto's reading of each notebook, before Quarto's own filters.

local TEXT = "Output of the code above: scroll sideways for long lines"
local TABLE = "Table from the code above: scroll sideways on a narrow screen"

local function focusable(element, label)
  element.attributes["tabindex"] = "0"
  element.attributes["role"] = "group"
  element.attributes["aria-label"] = label
  return element
end

local function has_table(div)
  local found = false
  div:walk({ Table = function() found = true end })
  return found
end

function Div(div)
  if not div.classes:includes("cell-output") then
    return nil
  end
  if div.classes:includes("cell-output-display") and has_table(div) then
    focusable(div, TABLE)
  end
  return div:walk({ CodeBlock = function(block) return focusable(block, TEXT) end })
end
