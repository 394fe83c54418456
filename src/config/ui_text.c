#include "config/ui_text.h"

#include <string.h>

#include <stdio.h>

#include <stddef.h>

static const struct {
    const char *name, *text;
} table[UI_COUNT] = {
    [UI_NEXT] = {"next", "Next"},
    [UI_BACK] = {"back", "Back"},
    [UI_SKIP] = {"skip", "Skip"},
    [UI_CLOSE] = {"close", "Close"},
    [UI_SEND] = {"send", "Send"},
    [UI_CHOICE_TITLE] = {"choice_title", "What matters most to you?"},
    [UI_CHOICE_HINT] = {"choice_hint", "Tap as many as you like, then Next"},
    [UI_SOMETHING_ELSE] = {"something_else", "Something else"},
    [UI_RATING_TITLE] = {"rating_title", "How do you feel about the future?"},
    [UI_RATING_1] = {"rating_1", "Very worried"},
    [UI_RATING_2] = {"rating_2", "Worried"},
    [UI_RATING_3] = {"rating_3", "Not sure"},
    [UI_RATING_4] = {"rating_4", "Hopeful"},
    [UI_RATING_5] = {"rating_5", "Very hopeful"},
    [UI_TEXT_HINT] = {"text_hint", "Type here, then tap Next"},
    [UI_CHARS_LEFT] = {"chars_left", "%d characters left"},
    [UI_NAME_TITLE] = {"name_title", "What is your first name?"},
    [UI_AGE_TITLE] = {"age_title", "How old are you?"},
    [UI_AGE_1] = {"age_1", "Under 12"},
    [UI_AGE_2] = {"age_2", "12 to 17"},
    [UI_AGE_3] = {"age_3", "18 to 24"},
    [UI_AGE_4] = {"age_4", "25 to 44"},
    [UI_AGE_5] = {"age_5", "45 to 64"},
    [UI_AGE_6] = {"age_6", "65 or over"},
    [UI_POSTCODE_TITLE] = {"postcode_title", "The first part of your postcode"},
    [UI_POSTCODE_HINT] = {"postcode_hint", "For example S60 or S65"},
    [UI_POSTCODE_INVALID] = {"postcode_invalid", "That does not look like the first part of a postcode. Try something like S60, or tap Skip."},
    [UI_CONSENT_TITLE] = {"consent_title", "Your words and your privacy"},
    [UI_CONSENT_QUESTION] = {"consent_question", "May we quote your words and first name in public?"},
    [UI_YES] = {"yes", "Yes"},
    [UI_NO] = {"no", "No"},
    [UI_REVIEW_TITLE] = {"review_title", "Is this right?"},
    [UI_REVIEW_THEMES] = {"review_themes", "Matters most"},
    [UI_REVIEW_RATING] = {"review_rating", "Feeling"},
    [UI_REVIEW_TEXT] = {"review_text", "Your idea"},
    [UI_REVIEW_NAME] = {"review_name", "Name"},
    [UI_REVIEW_AGE] = {"review_age", "Age"},
    [UI_REVIEW_POSTCODE] = {"review_postcode", "Postcode"},
    [UI_REVIEW_QUOTE] = {"review_quote", "May we quote you"},
    [UI_REVIEW_NONE] = {"review_none", "(skipped)"},
    [UI_THANKS_TITLE] = {"thanks_title", "Thank you!"},
    [UI_THANKS_BODY] = {"thanks_body", "What you told us is saved. It will help shape the plan."},
    [UI_SORRY_TITLE] = {"sorry_title", "Sorry, this could not be saved"},
    [UI_SORRY_BODY] = {"sorry_body", "Something went wrong with this kiosk. Please tell a member of staff, or try again later."},
    [UI_STILL_TITLE] = {"still_title", "Are you still there?"},
    [UI_STILL_BODY] = {"still_body", "Tap Continue to carry on. Otherwise what you entered will be cleared in %d seconds."},
    [UI_STILL_CONTINUE] = {"still_continue", "Continue"},
    [UI_STATUS_DONE] = {"status_done", "Done"},
    [UI_STATUS_IN_PROGRESS] = {"status_in_progress", "In progress"},
    [UI_STATUS_PLANNED] = {"status_planned", "Planned"},
    [UI_STATUS_DELAYED] = {"status_delayed", "Delayed"},
    [UI_MONTH_1] = {"month_1", "Jan"}, [UI_MONTH_2] = {"month_2", "Feb"},
    [UI_MONTH_3] = {"month_3", "Mar"}, [UI_MONTH_4] = {"month_4", "Apr"},
    [UI_MONTH_5] = {"month_5", "May"}, [UI_MONTH_6] = {"month_6", "Jun"},
    [UI_MONTH_7] = {"month_7", "Jul"}, [UI_MONTH_8] = {"month_8", "Aug"},
    [UI_MONTH_9] = {"month_9", "Sep"}, [UI_MONTH_10] = {"month_10", "Oct"},
    [UI_MONTH_11] = {"month_11", "Nov"}, [UI_MONTH_12] = {"month_12", "Dec"},
    [UI_QUOTE_AGE] = {"quote_age", "age %d"},
    [UI_KEY_SHIFT] = {"key_shift", "Shift"},
    [UI_KEY_DELETE] = {"key_delete", "Delete"},
    [UI_KEY_SPACE] = {"key_space", "Space"},
    [UI_KEY_DONE] = {"key_done", "Done"},
    [UI_TEXT_SIZE] = {"text_size", "Text size"},
    [UI_LESS_MOTION] = {"less_motion", "Less motion"},
    [UI_LISTEN] = {"listen", "Listen"},
    [UI_MONTH_LONG_1] = {"month_long_1", "January"},
    [UI_MONTH_LONG_2] = {"month_long_2", "February"},
    [UI_MONTH_LONG_3] = {"month_long_3", "March"},
    [UI_MONTH_LONG_4] = {"month_long_4", "April"},
    [UI_MONTH_LONG_5] = {"month_long_5", "May"},
    [UI_MONTH_LONG_6] = {"month_long_6", "June"},
    [UI_MONTH_LONG_7] = {"month_long_7", "July"},
    [UI_MONTH_LONG_8] = {"month_long_8", "August"},
    [UI_MONTH_LONG_9] = {"month_long_9", "September"},
    [UI_MONTH_LONG_10] = {"month_long_10", "October"},
    [UI_MONTH_LONG_11] = {"month_long_11", "November"},
    [UI_MONTH_LONG_12] = {"month_long_12", "December"},
    [UI_CLOSED_OPENS] = {"closed_opens", "Opens again %s"},
    [UI_DAY_1] = {"day_1", "Monday"},
    [UI_DAY_2] = {"day_2", "Tuesday"},
    [UI_DAY_3] = {"day_3", "Wednesday"},
    [UI_DAY_4] = {"day_4", "Thursday"},
    [UI_DAY_5] = {"day_5", "Friday"},
    [UI_DAY_6] = {"day_6", "Saturday"},
    [UI_DAY_7] = {"day_7", "Sunday"},
    [UI_OTHER_TITLE] = {"other_title", "What else? Tell us in a few words"},
    [UI_CHOICES_HINT] = {"choices_hint", "Tap up to %d, then Next"},
    [UI_CHOICES_FULL] = {"choices_full", "You can choose up to %d. Tap one again to take it off."},
    [UI_RANK_HINT] = {"rank_hint", "Tap them in order, most important first. Tap again to take one off."},
    [UI_PLACE_HINT] = {"place_hint", "Tap the picture to drop a pin. Tap a pin to take it away."},
    [UI_PLACE_PINS] = {"place_pins", "%d pins"},
    [UI_PLACE_ONE_PIN] = {"place_one_pin", "1 pin"},
    [UI_PLACE_FULL] = {"place_full", "That is all the pins. Tap one to take it away."},
    [UI_NUMBER_INVALID] = {"number_invalid", "Please give a whole number from %d to %d, or tap Skip."},
    [UI_REQUIRED] = {"required", "Please answer this one to go on."},
    [UI_START] = {"start", "Start"},
    [UI_YOU_SAID] = {"you_said", "You said"},
    [UI_WE_DID] = {"we_did", "We did"},
    [UI_YOU_SAID_CHECKED] = {"you_said_checked", "Shared with permission and checked by our team before it is shown."},
    [UI_RESULTS_TITLE] = {"results_title", "What people are saying so far"},
    [UI_RESULTS_CAPTION] = {"results_caption", "{people} people at {kiosks} kiosks since {since}"},
    [UI_RESULTS_CAPTION_ONE] = {"results_caption_one", "{people} people at this kiosk since {since}"},
    [UI_RESULTS_PEOPLE] = {"results_people", "people have had their say"},
    [UI_CHAR_UNSUPPORTED] = {"char_unsupported", "That sign cannot be shown here, so it was left out. Please use letters and numbers."},
};

const char *ui_text_name(ui_text_id id) { return id < UI_COUNT ? table[id].name : ""; }
const char *ui_text_default(ui_text_id id) { return id < UI_COUNT ? table[id].text : ""; }

const char *const *ui_text_names(void) {
    static const char *names[UI_COUNT + 1];
    if (!names[0])
        for (int i = 0; i < UI_COUNT; i++) names[i] = table[i].name;
    return names;
}

const char *ui_text_fill(char *buf, size_t size, const char *tmpl, int a, int b) {
    const char *p = strstr(tmpl, "%d");
    const char *p2 = p ? strstr(p + 2, "%d") : NULL;
    if (!p) snprintf(buf, size, "%s", tmpl);
    else if (p2) snprintf(buf, size, "%.*s%d%.*s%d%s", (int)(p - tmpl), tmpl, a, (int)(p2 - p - 2), p + 2, b, p2 + 2);
    else snprintf(buf, size, "%.*s%d%s", (int)(p - tmpl), tmpl, a, p + 2);
    return buf;
}
