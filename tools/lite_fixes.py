"""Two fixes to the pinned JupyterLite build, so that a saved walk survives a reload.

In the browser the kernel starts afresh on every page load, so what a learner's widgets showed
can only come back from the widget state saved in the notebook. Two things stop that:

1. **No reply to ``comm_info_request``.** JupyterLite 0.8.6's ``BaseKernel.handleMessage``
   (``packages/services/src/kernel/base.ts``) dispatches every shell request a kernel declares
   but this one, although the Pyodide kernel implements ``commInfoRequest``. The widget manager
   asks it before it reads the saved state (``restoreWidgets``: ``_loadFromKernel``, then
   ``_loadFromNotebook``), so it waits for ever and every saved widget stays at "Loading
   widget...". The fix adds the case, replying as the class's other handlers do.
2. **A save keeps only live widgets.** ``@jupyter-widgets/jupyterlab-manager`` 3.0.17 writes the
   models with an open comm (``get_state_sync``). Widgets restored from the file have none, so
   the next save, before the cell runs again, would drop the walk the notebook still shows. The
   fix also keeps each model that an output of the notebook shows, with the models it refers
   to; models no output shows (a walk replaced by running its cell again) are still dropped.

Each fix is tied to the pinned release: if its file's text is not exactly what it expects (one
match), the build stops and says so rather than shipping a course that loses work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Fix:
    """One change to one built file: the file holding ``holds``, under ``folder``."""

    name: str
    folder: str
    holds: str
    anchor: re.Pattern[str]  # matches once; its groups name the bundle's minified identifiers
    replace: Callable[[re.Match[str]], str]  # what the anchor's match becomes
    done: str  # in the file once the fix (or an upstream one) is there


def _comm_info(msg: str, module: str) -> str:
    return (f'case"comm_close":await this.commClose({msg});break;case"comm_info_request":'
            f'this._sendMessage({module}.KernelMessage.createMessage({{msgType:"comm_info_reply"'
            f',channel:"shell",session:{msg}.header.session,parentHeader:{msg}.header,'
            f'content:await this.commInfoRequest({msg}.content)}}))}}this._idle({msg})}}')


# The saved state holds the live models and what the notebook's outputs show, followed
# through the "IPY_MODEL_<id>" references that widgets keep to their children.
KEEP_SHOWN = """get_state_sync(options={}){
const models=[...this._modelsSync.values()];
const all=(0,MODULE.serialize_state)(models,options);
const keep=new Set(models.filter(m=>m.comm_live).map(m=>m.model_id));
const todo=[];const cells=this._context?this._context.model.cells:{length:0};
for(let i=0;i<cells.length;i++){const outs=cells.get(i).outputs;
for(let j=0;outs&&j<outs.length;j++){
const view=outs.get(j).data["application/vnd.jupyter.widget-view+json"];
if(view&&view.model_id){todo.push(view.model_id)}}}
const seen=new Set;
while(todo.length){const id=todo.pop();if(seen.has(id)||!all.state[id]){continue}
seen.add(id);keep.add(id);
JSON.stringify(all.state[id].state,(k,v)=>{
if(typeof v==="string"&&v.startsWith("IPY_MODEL_")){todo.push(v.slice(10))}return v})}
for(const id of Object.keys(all.state)){if(!keep.has(id)){delete all.state[id]}}
return all/*ragft:keep-shown*/}"""


def _keep_shown(module: str) -> str:
    return KEEP_SHOWN.replace("MODULE", module).replace("\n", "")


FIXES = (
    Fix("comm-info", "build", 'case"kernel_info_request"',
        re.compile(r'case"comm_close":await this\.commClose\((\w+)\)\}this\._idle\(\1\)\}'
                   r'(?=.*?(\w+)\.KernelMessage\.createMessage\(\{msgType:"kernel_info_reply")',
                   re.DOTALL),
        lambda m: _comm_info(m.group(1), m.group(2)), 'case"comm_info_request":'),
    Fix("keep-shown", "extensions/@jupyter-widgets/jupyterlab-manager/static", "_modelsSync",
        re.compile(r"get_state_sync\((\w+)=\{\}\)\{let (\w+)=\[\];for\(let \1 of "
                   r"this\._modelsSync\.values\(\)\)\1\.comm_live&&\2\.push\(\1\);"
                   r"return\(0,(\w+)\.serialize_state\)\(\2,\1\)\}"),
        lambda m: _keep_shown(m.group(3)), "/*ragft:keep-shown*/"),
)


def _fail(fix: Fix, found: str) -> SystemExit:
    return SystemExit(f"fix {fix.name!r}: expected {found}, check {__name__} against "
                      "this JupyterLite")


def patch_text(fix: Fix, text: str) -> str:
    """``text`` with ``fix`` applied (unchanged if it is there already)."""
    if fix.done in text:
        return text
    matches = list(fix.anchor.finditer(text))
    if len(matches) != 1:
        raise _fail(fix, f"one match of its anchor in the file, found {len(matches)}")
    match = matches[0]
    return text[:match.start()] + fix.replace(match) + text[match.end():]


def apply(out: Path) -> list[Path]:
    """Apply every fix to the build in ``out``; return the files changed or already fixed."""
    fixed = []
    for fix in FIXES:
        texts = {p: p.read_text(encoding="utf-8") for p in sorted((out / fix.folder).glob("*.js"))}
        holders = [p for p, text in texts.items() if fix.holds in text]
        if len(holders) != 1:
            raise _fail(fix, f"one file in the build that holds {fix.holds!r}, "
                             f"found {len(holders)}")
        (holder,) = holders
        patched = patch_text(fix, texts[holder])
        if patched != texts[holder]:
            holder.write_text(patched, encoding="utf-8")
        fixed.append(holder)
    return fixed
