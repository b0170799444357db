"""Small PDFs built byte by byte, for the inputs LibreOffice cannot be asked to make cheaply."""

import hashlib


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file with a correct cross-reference table for `objects` (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_without_pages() -> bytes:
    """A well-formed PDF whose page tree is empty (what a failed export or a stripped file leaves)."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty, so no
    reader can open it without the password (the /O and /U entries match no empty password)."""
    digest = hashlib.sha256(b"cascade").digest()
    o, u = digest, hashlib.sha256(digest).digest()
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" + u.hex().encode() + \
        b"> /P -44 >>"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", encrypt],
                trailer_extra=b"/Encrypt 4 0 R /ID [<" + digest[:16].hex().encode() + b"> <"
                + digest[:16].hex().encode() + b">] ")
