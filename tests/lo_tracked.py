"""Accept or reject every tracked change of Word files in LibreOffice, and save what is left as text.

Run with the Python that has LibreOffice's UNO bridge (Debian: /usr/bin/python3 with python3-uno):

    python3 tests/lo_tracked.py PROFILE_DIR IN.docx accept OUT.txt [IN2.docx reject OUT2.txt ...]

One headless soffice serves every file; it is started here on a private pipe and stopped at the end.
"""

import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(argv: list[str]) -> int:
    profile, jobs = Path(argv[0]), argv[1:]
    pipe = f"cascade-{uuid.uuid4().hex}"
    # A fresh profile makes soffice restart once on its first start: let that happen first.
    subprocess.run(["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                    "--terminate_after_init"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    soffice = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
         "--norestore", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=None)
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
            print("could not reach soffice", file=sys.stderr)
            return 2
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for k in range(0, len(jobs), 3):
            source, mode, target = jobs[k], jobs[k + 1], jobs[k + 2]
            doc = None
            for _ in range(60):  # right after start-up the loader may still answer None
                doc = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0,
                                                   (_prop("Hidden", True),))
                if doc is not None:
                    break
                time.sleep(0.25)
            if doc is None:
                print(f"{source}: LibreOffice could not open it", file=sys.stderr)
                return 3
            frame = doc.getCurrentController().getFrame()
            command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(frame, command, "", 0, ())
            doc.storeToURL(Path(target).resolve().as_uri(),
                           (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8,LF")))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        return 0
    finally:
        try:
            soffice.wait(timeout=20)
        except subprocess.TimeoutExpired:
            soffice.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
