"""Report labels in Vietnamese (for officials) and English (for researchers)."""

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Phân tích truyền đạt văn bản", "redline_title": "So sánh văn bản",
        "kept": "giữ nguyên", "localised": "địa phương hóa", "trimmed": "lược bớt",
        "modified": "sửa đổi", "dropped": "bỏ", "local_unit": "Nội dung địa phương (không có trong văn bản cấp trên)",
        "from_parent_unit": "Từ mục của văn bản cấp trên:", "tree": "Cây văn bản", "failures": "Tệp không đọc được",
        "matrix": "Mục của văn bản cấp trên × văn bản cấp dưới", "carried_by_all": "Mục mọi văn bản cấp dưới đều giữ",
        "carried_by_none": "Mục không văn bản cấp dưới nào giữ", "local_additions": "Nội dung bổ sung của địa phương",
        "chains": "Chuỗi sâu nhất của từng mục", "tier": "Cấp", "issuer": "Cơ quan ban hành", "symbol": "Số, ký hiệu",
        "date": "Ngày", "citation": "Trích dẫn", "confidence": "Độ tin cậy", "evidence": "Căn cứ", "flags": "Cảnh báo",
        "item": "Mục", "pair": "So sánh chi tiết", "letters": "văn bản", "parsed": "đọc được", "failed": "lỗi",
        "none": "không có", "retention": "tỷ lệ giữ lại", "summary": "Tổng quan", "file": "Tệp",
        "reason": "Lý do", "no_children": "Không có văn bản cấp dưới trong thư mục.",
        "central": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã", "unknown": "Chưa rõ",
        "link_title": "Báo cáo so sánh văn bản", "parent": "Văn bản cấp trên", "child": "Văn bản cấp dưới",
        "citation_check": "Đối chiếu trích dẫn", "parent_item": "Mục cấp trên",
        "local_in_child": "Nội dung bổ sung ở cấp dưới",
        "orthographic": "chính tả", "kept_word": "giữ", "similarity": "độ tương đồng",
        "split": "tách", "merged": "gộp", "moved": "chuyển chỗ",
        "fig_carried": "Mục cấp trên được triển khai", "fig_trimmed": "Mục cấp trên bị lược bớt hoặc sửa",
        "fig_dropped": "Mục cấp trên bị bỏ", "fig_local": "Mục cấp dưới không có ở cấp trên",
        "fig_units_dropped": "Đoạn cấp trên bị bỏ", "fig_units_added": "Đoạn bổ sung ở cấp dưới",
        "fig_retention": "Tỷ lệ từ ngữ cấp trên được giữ lại", "of": "trên",
        "fig_kept": "Mục cấp trên giữ trọn (trừ chính tả, địa phương hóa)", "fig_relations": "Liên kết theo loại",
        "moved_from_elsewhere": "chuyển từ vị trí khác của văn bản cấp trên", "whole_item": "cả mục",
        "paraphrased": "diễn đạt lại", "added": "thêm mới (địa phương)", "expanded": "mở rộng",
        "added_words": "từ thêm", "matrix_short": "ma trận", "totals": "Tổng", "letter": "văn bản",
        "no_hits": "Không tìm thấy.", "search_placeholder": "Tìm văn bản, số ký hiệu, nội dung mục…",
        "filter_relation": "Lọc theo loại", "all": "tất cả", "filter_child": "Lọc văn bản cấp dưới (huyện, xã…)",
        "pairs_linked": "cặp văn bản đã so sánh", "downloads": "Tệp kết quả", "contents": "Mục lục",
        "legend": "Chú giải", "picture": "Sơ đồ truyền đạt", "children": "văn bản cấp dưới", "loading": "Đang tải…",
        "legend_note": "Mỗi ô: kết luận cho cả mục của văn bản cấp trên ở văn bản cấp dưới đó, tỷ lệ từ ngữ được "
                       "giữ lại và mục nhận (→). Di chuột để xem từng đoạn; bấm để mở trang so sánh.",
        "def_kept": "giữ mọi từ (trừ khác biệt chính tả)", "def_localised": "chỉ thay tên cấp, địa danh, cơ quan",
        "def_expanded": "giữ mọi từ và thêm nội dung", "def_trimmed": "lược bớt từ ngữ, không thêm",
        "def_paraphrased": "cùng nội dung, diễn đạt khác", "def_modified": "vừa lược bớt vừa thêm",
        "def_added": "nội dung địa phương, không có ở cấp trên", "def_dropped": "không được triển khai",
        "cs_exact": "khớp", "cs_near": "gần khớp", "cs_missing-in-folder": "không có trong thư mục",
        "cs_none": "không có", "cs_unrelated": "không liên quan",
        "ev_citation": "trích dẫn", "ev_near-citation": "trích dẫn gần đúng", "ev_content": "nội dung",
        "flag_missing-in-folder": "văn bản được trích dẫn không có trong thư mục",
        "flag_near-citation": "trích dẫn gần đúng", "flag_copied-from-sibling": "sao chép từ văn bản cùng cấp",
        "flag_other-source": "thực hiện văn bản khác với văn bản cấp trên tìm theo nội dung",
        "no_symbol": "không số ký hiệu", "no_date": "không ngày", "no_issuer": "chưa rõ cơ quan ban hành",
        "tier_word": "cấp", "report_md_links": "Thay đổi theo từng cặp", "unit": "Đoạn",
        "back_to_index": "Về trang tổng quan", "parent_pair": "Cặp cấp trên", "child_pairs": "Cặp cấp dưới",
        "changes": "Danh sách thay đổi", "next_change": "thay đổi tiếp", "whole_letter_redline": "Bản Word (.docx)",
        "link_md_legend": "Chú giải: ~~lược bớt~~ từ của cấp trên không giữ, **thêm** từ của cấp dưới, "
                          "~~tỉnh~~_huyện_ địa phương hóa.",
        "items_heading": "Các mục", "dropped_unit": "bỏ", "kept_pct": "giữ", "figure": "chỉ số", "value": "giá trị",
        "copied": "sao chép", "adapted": "điều chỉnh", "strength": "mức độ",
        "deferred": "để thể lệ/quy chế quy định", "heading_share": "tỷ lệ từ của tiêu đề có trong mục cấp trên",
        "score": "độ tin cậy", "frame": "phần mở đầu, kết thúc (không so sánh)", "sentence_map": "câu",
        "warnings": "Lưu ý", "frame_unit": "Phần mở đầu, kết thúc của văn bản (trích dẫn, câu dẫn)",
        "preamble": "Phần mở đầu", "closing": "Phần kết thúc", "body": "Đoạn văn",
        "decision": "Điều khoản của văn bản ban hành",
    },
    "en": {
        "title": "Cascade analysis", "redline_title": "Redline",
        "kept": "kept", "localised": "localised", "trimmed": "trimmed",
        "modified": "modified", "dropped": "dropped", "local_unit": "Local text (not in the higher-tier letter)",
        "from_parent_unit": "From the higher-tier unit(s):", "tree": "Cascade tree", "failures": "Files that failed",
        "matrix": "Parent items × child letters", "carried_by_all": "Items every child carried down",
        "carried_by_none": "Items no child carried down", "local_additions": "Local additions",
        "chains": "Deepest chain of each item", "tier": "Tier", "issuer": "Issuer", "symbol": "Symbol",
        "date": "Date", "citation": "Citation", "confidence": "Confidence", "evidence": "Evidence", "flags": "Flags",
        "item": "Item", "pair": "Side-by-side redline", "letters": "letters", "parsed": "parsed", "failed": "failed",
        "none": "none", "retention": "retention", "summary": "Summary", "file": "File",
        "reason": "Reason", "no_children": "No lower-tier letter in the folder.",
        "central": "Central", "province": "Province", "district": "District", "commune": "Commune",
        "unknown": "Unknown",
        "link_title": "Cascade link report", "parent": "Parent", "child": "Child",
        "citation_check": "Citation check", "parent_item": "Parent item",
        "local_in_child": "Local additions in the child",
        "orthographic": "orthographic", "kept_word": "kept", "similarity": "similarity",
        "split": "split", "merged": "merged", "moved": "moved",
        "fig_carried": "parent items carried down", "fig_trimmed": "parent items trimmed or modified",
        "fig_dropped": "parent items dropped", "fig_local": "child items with no parent (local)",
        "fig_units_dropped": "parent units dropped", "fig_units_added": "child units added locally",
        "fig_retention": "retention (parent words carried)", "of": "of",
        "fig_kept": "parent items kept whole (up to spelling/localisation)", "fig_relations": "unit links by relation",
        "moved_from_elsewhere": "moved from elsewhere in the parent", "whole_item": "whole item",
        "paraphrased": "paraphrased", "added": "added (local)", "expanded": "expanded",
        "added_words": "added", "matrix_short": "matrix", "totals": "Totals", "letter": "letter",
        "no_hits": "Nothing found.", "search_placeholder": "Search letters, symbols, item text…",
        "filter_relation": "Relation", "all": "all", "filter_child": "Filter child letters (district, commune…)",
        "pairs_linked": "pairs linked", "downloads": "Files", "contents": "Contents",
        "legend": "Legend", "picture": "The cascade", "children": "child letters", "loading": "Loading…",
        "legend_note": "Each cell: the verdict on the whole parent item in that child, the share of its words "
                       "carried down and the child items that received it (→). Hover for its units; click for the "
                       "pair page.",
        "def_kept": "every word carried (up to spelling)", "def_localised": "only tier, place or body names swapped",
        "def_expanded": "every word carried, local words added", "def_trimmed": "words left out, nothing added",
        "def_paraphrased": "the same content in other words", "def_modified": "words left out and words added",
        "def_added": "local text with no parent", "def_dropped": "not carried down",
        "cs_exact": "exact", "cs_near": "near", "cs_missing-in-folder": "missing in folder", "cs_none": "none",
        "cs_unrelated": "unrelated",
        "ev_citation": "citation", "ev_near-citation": "near citation", "ev_content": "content",
        "flag_missing-in-folder": "missing-in-folder", "flag_near-citation": "near-citation",
        "flag_copied-from-sibling": "copied-from-sibling", "flag_other-source": "other-source",
        "no_symbol": "no symbol", "no_date": "no date", "no_issuer": "issuer unknown",
        "tier_word": "tier", "report_md_links": "Changes pair by pair", "unit": "Unit",
        "back_to_index": "Back to the overview", "parent_pair": "Parent pair", "child_pairs": "Child pairs",
        "changes": "Changes", "next_change": "next change", "whole_letter_redline": "Word redline (.docx)",
        "link_md_legend": "Legend: ~~trimmed~~ parent words not carried down, **added** local words, "
                          "~~tỉnh~~_huyện_ localised.",
        "items_heading": "Items", "dropped_unit": "dropped", "kept_pct": "kept", "figure": "figure", "value": "value",
        "copied": "copied", "adapted": "adapted", "strength": "strength",
        "deferred": "left to the rules", "heading_share": "share of the heading's words in the parent item",
        "score": "confidence", "frame": "frame text (lead-in, citation): not compared", "sentence_map": "sentence",
        "warnings": "Warnings", "frame_unit": "The letter's frame (citation, lead-in)",
        "preamble": "Preamble", "closing": "Closing", "body": "Paragraph",
        "decision": "Articles of the issuing decision",
    },
}


# The openings of the parsers' reasons, in each report language (the rest of a reason is a file
# detail and stays as written).
ERROR_PREFIXES: dict[str, dict[str, str]] = {
    "vi": {
        "not a letter": "không phải văn bản", "empty file": "tệp rỗng", "corrupt .docx": "tệp .docx bị hỏng",
        "unsupported file type": "định dạng tệp không hỗ trợ", "binary data, not a text letter":
        "dữ liệu nhị phân, không phải văn bản", "unreadable encoding": "không đọc được bảng mã",
        "is a folder, not a file": "là thư mục, không phải tệp", "no such file": "không có tệp này",
        "cannot be read": "không đọc được", "is a zip": "là tệp zip", "is not a .docx": "không phải tệp .docx",
        "unpacks to": "giải nén ra", "compression ratio": "tỷ lệ nén",
        "internal error while parsing": "lỗi nội bộ khi đọc",
    },
}


def score_key(strength: str) -> str:
    """The label of a link's score: a confidence, or for a `deferred` link the share of the rules heading's
    words the parent item holds (cascade/deferrals.py) — a measure of another thing, never shown as one."""
    return "heading_share" if strength == "deferred" else "score"


def evidence_text(strength: str, score: float, lang: str = "vi") -> str:
    """'copied 1.00'; for a deferred link 'left to the rules, share of the heading's words … 1.00'."""
    if strength == "deferred":
        return f"{label(strength, lang)}, {label(score_key(strength), lang)} {score:.2f}"
    return f"{label(strength, lang)} {score:.2f}"


def label(key: str, lang: str = "vi") -> str:
    table = LABELS.get(lang)
    if table is None:
        raise ValueError(f"lang must be one of {sorted(LABELS)}, got {lang!r}")
    return table.get(key, LABELS["en"].get(key, key))
