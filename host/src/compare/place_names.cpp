#include "compare/place_names.h"

#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <nlohmann/json.hpp>

#include "compare/text.h"

#ifndef ONESELF_ISO_CODES_PREFIX
#define ONESELF_ISO_CODES_PREFIX "/usr"
#endif
#ifndef ONESELF_CLDR_DIR
#define ONESELF_CLDR_DIR "/usr/share/unicode/cldr"
#endif

namespace oneself::compare::places {
namespace {

// Countries whose people write a region's code after a city ("Boston, MA",
// "Toronto, ON", "São Paulo, SP", "Milano, MI", "Zürich, ZH"), where the
// custom matches the ISO 3166-2 code. Elsewhere a two-letter code after a
// city is a country's.
constexpr std::array<std::string_view, 8> kCodedRegionCountries{"US", "CA", "AU", "BR",
                                                                "IT", "IN", "MX", "CH"};

// ICU, loaded on first use rather than linked: linked, its libraries (and
// the shared libstdc++ they need) are loaded and relocated at every start of
// the host, about 5 ms, for names most checks never look up
// (bench/README.md). The library is the one the headers belong to; its C
// functions carry the version in their names ("uloc_countAvailable_72").
struct Icu {
  decltype(&uloc_getISOCountries) getISOCountries = nullptr;
  decltype(&uloc_getISO3Country) getISO3Country = nullptr;
  decltype(&uloc_countAvailable) countAvailable = nullptr;
  decltype(&uloc_getAvailable) getAvailable = nullptr;
  decltype(&ures_openDirect) openDirect = nullptr;
  decltype(&ures_getByKey) getByKey = nullptr;
  decltype(&ures_hasNext) hasNext = nullptr;
  decltype(&ures_getNextString) getNextString = nullptr;
  decltype(&ures_close) close = nullptr;
  decltype(&u_strToUTF8) strToUTF8 = nullptr;

  // Null when the library or one of its functions is missing.
  static const Icu* Load() {
    void* lib = dlopen("libicuuc.so." U_ICU_VERSION_SHORT, RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) return nullptr;
    static Icu icu;
    bool ok = true;
    const auto bind = [&](auto& fn, const char* name) {
      void* sym = dlsym(lib, (std::string(name) + "_" U_ICU_VERSION_SHORT).c_str());
      if (sym == nullptr) sym = dlsym(lib, name);
      if (sym == nullptr) ok = false;
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(sym);
    };
    bind(icu.getISOCountries, "uloc_getISOCountries");
    bind(icu.getISO3Country, "uloc_getISO3Country");
    bind(icu.countAvailable, "uloc_countAvailable");
    bind(icu.getAvailable, "uloc_getAvailable");
    bind(icu.openDirect, "ures_openDirect");
    bind(icu.getByKey, "ures_getByKey");
    bind(icu.hasNext, "ures_hasNext");
    bind(icu.getNextString, "ures_getNextString");
    bind(icu.close, "ures_close");
    bind(icu.strToUTF8, "u_strToUTF8");
    return ok ? &icu : nullptr;
  }
};

// A read-only view of a whole file, unmapped on destruction.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Names and codes as (key, area) pairs in one sorted list, the keys' text
// kept in one buffer: a quarter of a million names in about 7 MB, built
// with a few large allocations instead of one or two per name.
struct Entry {
  uint32_t offset;  // of the key in the buffer
  uint32_t length;
  std::array<char, 10> area;  // "DE-BY", zero-padded
};

class Index {
 public:
  Index() {
    AddCountries();
    AddIsoCountries();
    AddSubdivisions();
    AddCldrSubdivisions();
    for (std::vector<Entry>* list : {&names_, &codes_}) {
      std::sort(list->begin(), list->end(), [&](const Entry& x, const Entry& y) {
        const std::string_view kx = Key(x), ky = Key(y);
        return kx != ky ? kx < ky : x.area < y.area;
      });
      list->erase(std::unique(list->begin(), list->end(),
                              [&](const Entry& x, const Entry& y) { return x.area == y.area && Key(x) == Key(y); }),
                  list->end());
      list->shrink_to_fit();
    }
  }

  std::vector<std::string> Named(std::string_view loose) const { return Find(names_, loose); }
  std::vector<std::string> Coded(std::string_view loose) const { return Find(codes_, loose); }
  size_t size() const { return names_.size() + codes_.size(); }
  std::string_view Parent(std::string_view area) const {
    const auto it = parents_.find(std::string(area));
    return it == parents_.end() ? std::string_view() : std::string_view(it->second);
  }

 private:
  std::string_view Key(const Entry& e) const { return std::string_view(keys_).substr(e.offset, e.length); }
  static std::string_view AreaOf(const Entry& e) { return {e.area.data(), strnlen(e.area.data(), e.area.size())}; }

  std::vector<std::string> Find(const std::vector<Entry>& list, std::string_view loose) const {
    std::vector<std::string> out;
    auto it = std::lower_bound(list.begin(), list.end(), loose,
                               [&](const Entry& e, std::string_view k) { return Key(e) < k; });
    for (; it != list.end() && Key(*it) == loose; ++it) out.emplace_back(AreaOf(*it));
    return out;
  }

  void Add(std::vector<Entry>& list, std::string_view key, std::string_view area) {
    if (key.empty() || area.size() >= sizeof(Entry::area)) return;
    Entry e{static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), {}};
    std::copy(area.begin(), area.end(), e.area.begin());
    keys_ += key;
    list.push_back(e);
  }

  void AddName(std::string_view name, std::string_view area) { Add(names_, text::Normalize(name), area); }

  // Every locale's own "Countries" tables in ICU (and their short and
  // variant forms: "UK", "Czech Republic"), read directly rather than
  // through getDisplayCountry's fallback chain: the union over all locales
  // is every name, and each bundle is opened once instead of once per
  // country.
  void AddCountries() {
    const Icu* icu = Icu::Load();
    if (icu == nullptr) return;
    for (const char* const* c = icu->getISOCountries(); *c != nullptr; ++c) {
      const std::string iso2 = *c;
      countries_.emplace(iso2, true);
      Add(codes_, text::Normalize(iso2), iso2);
      const std::string locale = "_" + iso2;
      if (const char* iso3 = icu->getISO3Country(locale.c_str()); iso3 != nullptr && *iso3 != 0) {
        Add(codes_, text::Normalize(iso3), iso2);
      }
    }
    const std::string tree = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region";
    const int32_t count = icu->countAvailable();
    std::string utf8;
    for (int32_t i = 0; i < count; ++i) {
      UErrorCode status = U_ZERO_ERROR;
      UResourceBundle* bundle = icu->openDirect(tree.c_str(), icu->getAvailable(i), &status);
      if (U_FAILURE(status)) continue;
      for (const char* table : {"Countries", "Countries%short", "Countries%variant"}) {
        UErrorCode s = U_ZERO_ERROR;
        UResourceBundle* names = icu->getByKey(bundle, table, nullptr, &s);
        if (U_SUCCESS(s)) {
          while (icu->hasNext(names)) {
            int32_t len = 0;
            const char* key = nullptr;
            UErrorCode e = U_ZERO_ERROR;
            const UChar* name = icu->getNextString(names, &len, &key, &e);
            if (U_FAILURE(e) || key == nullptr || countries_.find(key) == countries_.end()) continue;
            if (ToUtf8(*icu, name, len, utf8)) AddName(utf8, key);
          }
        }
        icu->close(names);
      }
      icu->close(bundle);
    }
  }

  static bool ToUtf8(const Icu& icu, const UChar* s, int32_t len, std::string& out) {
    out.resize(static_cast<size_t>(len) * 3 + 1);
    int32_t written = 0;
    UErrorCode e = U_ZERO_ERROR;
    icu.strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, s, len, &e);
    if (U_FAILURE(e)) return false;
    out.resize(static_cast<size_t>(written));
    return true;
  }

  // Views into the iso-codes document, which outlives the catalogues' reading.
  using ByMsgid = std::unordered_map<std::string_view, std::vector<std::string_view>>;

  static nlohmann::json ReadIsoCodes(std::string_view domain) {
    const MappedFile file(std::string(ONESELF_ISO_CODES_PREFIX "/share/iso-codes/json/") +
                          std::string(domain) + ".json");
    const std::string_view text = file.view();
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    const std::string key(domain.substr(4));  // "iso_3166-2" -> "3166-2"
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) return nlohmann::json::array();
    return std::move(doc[key]);
  }

  static const std::string* StringField(const nlohmann::json& entry, const char* key) {
    const auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
  }

  // The package's message catalogues: one per language that translates
  // `domain`, each read in full once.
  void AddTranslations(std::string_view domain, const ByMsgid& byMsgid) {
    const std::string locales = ONESELF_ISO_CODES_PREFIX "/share/locale/";
    DIR* dir = opendir(locales.c_str());
    if (dir == nullptr) return;
    while (const dirent* d = readdir(dir)) {
      if (d->d_name[0] == '.') continue;
      const MappedFile mo(locales + d->d_name + "/LC_MESSAGES/" + std::string(domain) + ".mo");
      AddCatalogue(mo.view(), byMsgid);
    }
    closedir(dir);
  }

  // ISO 3166-1 from iso-codes: the English, common and official names
  // ("Federal Republic of Germany") and their translations, beside ICU's.
  void AddIsoCountries() {
    ByMsgid byMsgid;
    const nlohmann::json entries = ReadIsoCodes("iso_3166-1");
    for (const nlohmann::json& entry : entries) {
      const std::string* iso2 = entry.is_object() ? StringField(entry, "alpha_2") : nullptr;
      if (iso2 == nullptr || iso2->size() != 2) continue;
      countries_.emplace(*iso2, true);
      Add(codes_, text::Normalize(*iso2), *iso2);
      if (const std::string* iso3 = StringField(entry, "alpha_3")) Add(codes_, text::Normalize(*iso3), *iso2);
      for (const char* field : {"name", "common_name", "official_name"}) {
        if (const std::string* name = StringField(entry, field)) {
          AddName(*name, *iso2);
          byMsgid[*name].push_back(*iso2);
        }
      }
    }
    AddTranslations("iso_3166-1", byMsgid);
  }

  // ISO 3166-2 from iso-codes: each subdivision under its own name (as the
  // country writes it: "Bayern"), its code after a city where that is the
  // custom, and every translation of that name in the package's message
  // catalogues ("Bavaria", "Bavière", "Baviera", "Beieren").
  void AddSubdivisions() {
    ByMsgid byMsgid;
    const nlohmann::json entries = ReadIsoCodes("iso_3166-2");
    for (const nlohmann::json& entry : entries) {
      const std::string* code = entry.is_object() ? StringField(entry, "code") : nullptr;
      const std::string* name = code != nullptr ? StringField(entry, "name") : nullptr;
      if (name == nullptr || code->size() < 4 || (*code)[2] != '-') continue;
      AddSubdivisionName(*name, *code);
      byMsgid[*name].push_back(*code);
      if (const std::string* parent = StringField(entry, "parent")) {
        parents_[*code] = code->substr(0, 3) + *parent;  // "IDF" -> "FR-IDF"
      }
      const std::string_view country = CountryOf(*code);
      const std::string_view suffix = std::string_view(*code).substr(3);
      const bool letters =
          std::all_of(suffix.begin(), suffix.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      if (letters && std::find(kCodedRegionCountries.begin(), kCodedRegionCountries.end(), country) !=
                         kCodedRegionCountries.end()) {
        Add(codes_, text::Normalize(suffix), *code);
      }
    }
    AddTranslations("iso_3166-2", byMsgid);
  }

  // CLDR's subdivision names (the unicode-cldr-core package), where
  // iso-codes is thin: its English catalogue leaves most names as the
  // country writes them ("Lombardia"), CLDR says "Lombardy", "North
  // Holland", "Community of Madrid". One file per language, lines such as
  // <subdivision type="deby">Bavaria</subdivision>.
  void AddCldrSubdivisions() {
    const std::string dirName = ONESELF_CLDR_DIR "/common/subdivisions/";
    DIR* dir = opendir(dirName.c_str());
    if (dir == nullptr) return;
    constexpr std::string_view kOpen = "<subdivision type=\"";
    std::string area;
    while (const dirent* d = readdir(dir)) {
      const std::string_view file = d->d_name;
      if (file.size() < 5 || file.substr(file.size() - 4) != ".xml") continue;
      const MappedFile xml(dirName + d->d_name);
      const std::string_view text = xml.view();
      for (size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
        const size_t typeStart = at + kOpen.size();
        const size_t typeEnd = text.find('"', typeStart);
        const size_t nameStart = text.find('>', typeStart);
        const size_t nameEnd = text.find('<', nameStart);
        if (typeEnd == std::string_view::npos || nameEnd == std::string_view::npos) break;
        const std::string_view type = text.substr(typeStart, typeEnd - typeStart);
        if (type.size() < 3 || type.size() > 7) continue;
        area.assign(type.substr(0, 2));
        area += '-';
        area += type.substr(2);
        for (char& ch : area) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        AddName(StripFootnote(text.substr(nameStart + 1, nameEnd - nameStart - 1)), area);
      }
    }
    closedir(dir);
  }

  // "Île-de-France²": CLDR marks some names with a superscript digit.
  static std::string_view StripFootnote(std::string_view name) {
    for (std::string_view mark : {"\u00b9", "\u00b2", "\u00b3"}) {
      if (name.size() > mark.size() && name.substr(name.size() - mark.size()) == mark) {
        return name.substr(0, name.size() - mark.size());
      }
    }
    return name;
  }

  // "Madrid, Comunidad de" is how ISO lists "Comunidad de Madrid": both are
  // kept.
  void AddSubdivisionName(std::string_view name, std::string_view code) {
    AddName(name, code);
    const size_t comma = name.find(", ");
    if (comma != std::string_view::npos) {
      AddName(std::string(name.substr(comma + 2)) + " " + std::string(name.substr(0, comma)), code);
    }
  }

  // A GNU message catalogue (.mo): a header, then two tables of (length,
  // offset) pairs, the original strings and their translations.
  void AddCatalogue(std::string_view mo, const ByMsgid& byMsgid) {
    if (mo.size() < 28) return;
    const auto word = [&](size_t at) -> uint32_t {
      uint32_t v = 0;
      if (at + 4 <= mo.size()) std::memcpy(&v, mo.data() + at, 4);
      return v;
    };
    if (word(0) != 0x950412deU) return;  // only the machine's byte order is installed
    const uint32_t n = word(8), originals = word(12), translations = word(16);
    const auto string = [&](uint32_t table, uint32_t i) -> std::string_view {
      const size_t at = static_cast<size_t>(table) + static_cast<size_t>(i) * 8;
      const uint32_t len = word(at), off = word(at + 4);
      if (static_cast<size_t>(off) + len > mo.size()) return {};
      return mo.substr(off, len);
    };
    for (uint32_t i = 0; i < n; ++i) {
      const auto it = byMsgid.find(string(originals, i));
      if (it == byMsgid.end()) continue;
      const std::string_view translated = string(translations, i);
      if (translated == it->first) continue;  // untranslated
      for (const std::string_view code : it->second) AddSubdivisionName(translated, code);
    }
  }

  std::string keys_;
  std::vector<Entry> names_;
  std::vector<Entry> codes_;
  std::unordered_map<std::string, std::string> parents_;  // "FR-75" -> "FR-IDF"
  std::unordered_map<std::string, bool> countries_;
};

std::atomic<bool> built{false};

const Index& TheIndex() {
  static const Index index;
  built.store(true, std::memory_order_relaxed);
  return index;
}

}  // namespace

std::vector<std::string> AreasNamed(std::string_view loose) { return TheIndex().Named(loose); }
std::vector<std::string> AreasCoded(std::string_view loose) { return TheIndex().Coded(loose); }
std::string_view ParentOf(std::string_view area) { return TheIndex().Parent(area); }
bool IndexBuilt() { return built.load(std::memory_order_relaxed); }
size_t IndexSize() { return TheIndex().size(); }

}  // namespace oneself::compare::places
