"""Accept or reject every tracked change of a .docx in LibreOffice and save the result as text.

Run by the system Python that carries LibreOffice's UNO bridge (Debian's python3-uno), not by the
project's virtual environment:

    /usr/bin/python3 tests/libreoffice_changes.py accept|reject IN.docx OUT.txt PROFILE_DIR

LibreOffice 7.4 headless crashes while it lays out comment anchors, so the caller hands it a copy
with the comments (annotations, not text) removed.
"""

import contextlib
import os
import subprocess
import sys
import time
import uuid

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(mode: str, src: str, out: str, profile: str) -> None:
    pipe = f"cascade_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, ())
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        if doc.getRedlines().createEnumeration().hasMoreElements():
            raise SystemExit(f"tracked changes remain after {command}")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8")))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down with the office
            desktop.terminate()
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
