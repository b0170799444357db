"""Report labels in Vietnamese (for officials) and English (for researchers)."""

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Phân tích truyền đạt văn bản", "redline_title": "So sánh văn bản",
        "kept": "giữ nguyên", "localised": "địa phương hóa", "trimmed": "lược bớt", "expanded": "bổ sung",
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
        "orthographic": "chính tả", "added": "bổ sung", "kept_word": "giữ", "similarity": "độ tương đồng",
        "split": "tách", "merged": "gộp", "moved": "chuyển chỗ",
        "fig_carried": "Mục cấp trên được triển khai", "fig_trimmed": "Mục cấp trên bị lược bớt hoặc sửa",
        "fig_dropped": "Mục cấp trên bị bỏ", "fig_local": "Mục cấp dưới không có ở cấp trên",
        "fig_units_dropped": "Đoạn cấp trên bị bỏ", "fig_units_added": "Đoạn bổ sung ở cấp dưới",
        "fig_retention": "Tỷ lệ từ ngữ cấp trên được giữ lại", "of": "trên",
        "fig_kept": "Mục cấp trên giữ trọn (trừ chính tả, địa phương hóa)", "fig_relations": "Liên kết theo loại",
        "paraphrased": "diễn đạt lại", "copied": "sao chép", "adapted": "điều chỉnh", "strength": "mức độ",
        "score": "độ tin cậy", "frame": "phần mở đầu, kết thúc (không so sánh)", "sentence_map": "câu",
        "warnings": "Lưu ý", "frame_unit": "Phần mở đầu, kết thúc của văn bản (trích dẫn, câu dẫn)",
        "preamble": "Phần mở đầu", "closing": "Phần kết thúc", "body": "Đoạn văn",
    },
    "en": {
        "title": "Cascade analysis", "redline_title": "Redline",
        "kept": "kept", "localised": "localised", "trimmed": "trimmed", "expanded": "expanded",
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
        "orthographic": "orthographic", "added": "added", "kept_word": "kept", "similarity": "similarity",
        "split": "split", "merged": "merged", "moved": "moved",
        "fig_carried": "parent items carried down", "fig_trimmed": "parent items trimmed or modified",
        "fig_dropped": "parent items dropped", "fig_local": "child items with no parent (local)",
        "fig_units_dropped": "parent units dropped", "fig_units_added": "child units added locally",
        "fig_retention": "retention (parent words carried)", "of": "of",
        "fig_kept": "parent items kept whole (up to spelling/localisation)", "fig_relations": "unit links by relation",
        "paraphrased": "paraphrased", "copied": "copied", "adapted": "adapted", "strength": "strength",
        "score": "confidence", "frame": "frame text (lead-in, citation): not compared", "sentence_map": "sentence",
        "warnings": "Warnings", "frame_unit": "The letter's frame (citation, lead-in)",
        "preamble": "Preamble", "closing": "Closing", "body": "Paragraph",
    },
}


def label(key: str, lang: str = "vi") -> str:
    table = LABELS.get(lang)
    if table is None:
        raise ValueError(f"lang must be one of {sorted(LABELS)}, got {lang!r}")
    return table.get(key, LABELS["en"].get(key, key))
