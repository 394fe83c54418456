#include "journey/languages.h"

#include <string.h>

static const struct {
    const char *code, *name;
} names[] = {
    {"en", "English"},    {"ur", "اردو"},       {"pl", "Polski"},  {"sk", "Slovenčina"},
    {"cs", "Čeština"},    {"ro", "Română"},     {"pa", "ਪੰਜਾਬੀ"},   {"ar", "العربية"},
    {"bn", "বাংলা"},      {"so", "Soomaali"},   {"ku", "Kurdî"},   {"fa", "فارسی"},
    {"uk", "Українська"}, {"hu", "Magyar"},     {"lt", "Lietuvių"}, {"lv", "Latviešu"},
};

const char *language_own_name(const char *code) {
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i].code, code)) return names[i].name;
    return code;
}

bool language_is_rtl(const char *code) {
    static const char *const rtl[] = {"ur", "ar", "fa", "he", "ps", "sd", "ug", "yi", "ckb", "dv"};
    for (size_t i = 0; code && i < sizeof rtl / sizeof rtl[0]; i++)
        if (!strcmp(rtl[i], code)) return true;
    return false;
}
