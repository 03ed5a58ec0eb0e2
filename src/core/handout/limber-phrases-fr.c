/* limber-phrases-fr.c — the handout's fixed words in French
 *
 * "Vous" as patient material says it, and words that fit anyone
 * ("votre thérapeute"; no participle that says the patient's gender).
 * A non-breaking space (U+00A0) goes before ":" and "?", as French
 * typography wants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

/* Right to left is one word; left to right takes the gender of the noun
 * right before it, from side_nouns ("le pied gauche" → "le pied droit",
 * "la jambe gauche" → "la jambe droite"): the masculine pairs first. */
static const LimberSidePair side_words[] = {
  { "droit", "gauche", LIMBER_GENDER_MASCULINE },
  { "droite", "gauche", LIMBER_GENDER_FEMININE },
  { "droits", "gauches", LIMBER_GENDER_MASCULINE },
  { "droites", "gauches", LIMBER_GENDER_FEMININE },
  { NULL, NULL, LIMBER_GENDER_ANY },
};

/* The nouns a side word may follow in a catalog text: the contract of
 * the catalog's French (a test finds a side word after any other). */
static const LimberSideNoun side_nouns[] = {
  { "jambe", "jambes", LIMBER_GENDER_FEMININE },
  { "main", "mains", LIMBER_GENDER_FEMININE },
  { "hanche", "hanches", LIMBER_GENDER_FEMININE },
  { "cuisse", "cuisses", LIMBER_GENDER_FEMININE },
  { "fesse", "fesses", LIMBER_GENDER_FEMININE },
  { "épaule", "épaules", LIMBER_GENDER_FEMININE },
  { "cheville", "chevilles", LIMBER_GENDER_FEMININE },
  { "paume", "paumes", LIMBER_GENDER_FEMININE },
  { "oreille", "oreilles", LIMBER_GENDER_FEMININE },
  { "joue", "joues", LIMBER_GENDER_FEMININE },
  { "aine", "aines", LIMBER_GENDER_FEMININE },
  { "face", "faces", LIMBER_GENDER_FEMININE },
  { "partie", "parties", LIMBER_GENDER_FEMININE },
  { "côte", "côtes", LIMBER_GENDER_FEMININE },
  { "pied", "pieds", LIMBER_GENDER_MASCULINE },
  { "genou", "genoux", LIMBER_GENDER_MASCULINE },
  { "bras", "bras", LIMBER_GENDER_MASCULINE },
  { "côté", "côtés", LIMBER_GENDER_MASCULINE },
  { "talon", "talons", LIMBER_GENDER_MASCULINE },
  { "mollet", "mollets", LIMBER_GENDER_MASCULINE },
  { "coude", "coudes", LIMBER_GENDER_MASCULINE },
  { "orteil", "orteils", LIMBER_GENDER_MASCULINE },
  { "pouce", "pouces", LIMBER_GENDER_MASCULINE },
  { "poignet", "poignets", LIMBER_GENDER_MASCULINE },
  { "flanc", "flancs", LIMBER_GENDER_MASCULINE },
  { "muscle", "muscles", LIMBER_GENDER_MASCULINE },
  { "tibia", "tibias", LIMBER_GENDER_MASCULINE },
  { "fessier", "fessiers", LIMBER_GENDER_MASCULINE },
  { "os", "os", LIMBER_GENDER_MASCULINE },
  { NULL, NULL, LIMBER_GENDER_ANY },
};

/* "droit" that means straight ("le dos droit", "tenez-vous droit",
 * "tout droit", "à angle droit"), and the muscles named "droit" in the
 * therapist's words ("le droit fémoral", "le droit interne"). */
static const char * const not_side_before[] = {
  "dos", "vous", "restez", "tenez", "gardez", "tout", "bien", "très", "plus", "tronc", "buste", "corps",
  "tête", "cou", "angle", "angles", "regardez", NULL
};
static const char * const not_side_after[] = { "fémoral", "fémoraux", "antérieur", "interne", NULL };

/* Les mots des étirements qui demandent une explication simple. */
static const LimberGlossaryEntry glossary[] = {
  { "Fléchisseur de la hanche", "fléchisseur", "les muscles à l’avant de la hanche qui lèvent le genou." },
  { "Figure 4", "figure 4|comme un 4", "une cheville posée sur l’autre genou : les jambes forment un 4." },
  { "Rotateurs de la hanche", "rotateur", "de petits muscles au fond de la fesse, qui tournent la jambe." },
  { "Pli de l’aine", "pli de l’aine|pli de l'aine", "le pli où la jambe rejoint le ventre." },
  { "Tendon d’Achille", "tendon d’achille|tendon d'achille", "le gros cordon à l’arrière de la cheville, juste au-dessus du talon." },
  { "Bande à l’extérieur de la cuisse", "bande à l’extérieur|bande à l'extérieur",
    "une longue bande dure sur le côté de la cuisse, de la hanche au genou." },
  { NULL, NULL, NULL },
};

const LimberPhrasesLanguage _limber_phrases_fr = {
  .code = "fr",
  .phrases = {
    [LIMBER_PHRASE_PAGE_N_OF_M] = "Page %d sur %d",
    [LIMBER_PHRASE_SETS] = "Séries",
    [LIMBER_PHRASE_THERAPIST] = "Thérapeute",
    [LIMBER_PHRASE_PATIENT] = "Nom",
    [LIMBER_PHRASE_DATE] = "Date",
    [LIMBER_PHRASE_YOUR_NOTES] = "Vos notes",
    [LIMBER_PHRASE_CAUTIONS] = "Précautions",
    [LIMBER_PHRASE_CAREFUL] = "Attention :",
    [LIMBER_PHRASE_TICK_A_BOX] = "Cochez une case chaque fois que vous faites l’étirement",
    [LIMBER_PHRASE_BOTH_SIDES] = "Faites les deux côtés : d’abord le côté droit, puis le côté gauche",
    [LIMBER_PHRASE_THERAPIST_NOTE] = "Votre thérapeute vous dit :",
    [LIMBER_PHRASE_ADVICE] = "Les conseils de votre thérapeute",
    [LIMBER_PHRASE_EXAMINATION] = "Examen",
    [LIMBER_PHRASE_PROGRESS] = "Évolution",
    [LIMBER_PHRASE_THERAPIST_COPY] = "Exemplaire du cabinet",
    [LIMBER_PHRASE_STRETCH] = "Étirement",
    [LIMBER_PHRASE_LOG] = "Votre carnet d’exercices",
    [LIMBER_PHRASE_QUESTIONS] = "Des questions ? Appelez-nous :",
    [LIMBER_PHRASE_NO_STRETCHES] = "Pas encore d’étirement.",
    [LIMBER_PHRASE_PATIENT_ID] = "N°",
    [LIMBER_PHRASE_FEEL] = "Ce que vous devez sentir :",
    [LIMBER_PHRASE_PAIN_HEADING] = "La douleur pendant l’étirement : notez-la de 0 (aucune) à 10 (la pire)",
    [LIMBER_PHRASE_WORDS] = "Les mots de cette feuille",
    [LIMBER_PHRASE_CAPTION_START] = "Départ",
    [LIMBER_PHRASE_CAPTION_MOVE] = "Mouvement",
    [LIMBER_PHRASE_SUMMARY] = "Votre programme :",
    [LIMBER_PHRASE_NEXT_VISIT] = "Prochain rendez-vous",
    [LIMBER_PHRASE_FOR_THERAPIST] = "Geste en séance :",
    [LIMBER_PHRASE_CALL_YOUR_THERAPIST] = "Arrêtez l’étirement et appelez votre thérapeute.",
    [LIMBER_PHRASE_BACK_TO_START] = "Revenez lentement à la position de départ.",
    [LIMBER_PHRASE_KEY_POINTS] = "L’essentiel",
    [LIMBER_PHRASE_KEY_DO] = "Faites chaque étirement lentement, étape par étape, aussi souvent qu’il est écrit sous son nom.",
    [LIMBER_PHRASE_KEY_STOP] = "Arrêtez si la douleur dépasse 5, ou si vous sentez un engourdissement ou des fourmis.",
    [LIMBER_PHRASE_KEY_CALL] = "Si la douleur augmente ou ne passe pas, appelez-nous :",
    [LIMBER_PHRASE_KEY_CALL_NO_PHONE] = "Si la douleur augmente ou ne passe pas, appelez votre thérapeute.",
    [LIMBER_PHRASE_KEY_LOG] = "Cochez le carnet chaque fois, et apportez cette feuille à votre prochain rendez-vous.",
  },
  .weekdays = { "lun", "mar", "mer", "jeu", "ven", "sam", "dim" },
  .weekday_initials = { "L", "M", "M", "J", "V", "S", "D" },
  .months = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre" },
  .date = "%d %s %d",
  .colon = "\u00a0:",
  .date_first = "%der %s %d",     /* "1er décembre 2026" */

  .sets = { "%d série", "%d séries" },
  .sets_of_reps = " de ",
  .reps = { "%d répétition lente", "%d répétitions lentes" },
  .hold = { "tenez la position finale %d seconde", "tenez la position finale %d secondes" },
  .once_a_day = "une fois par jour",
  .twice_a_day = "deux fois par jour",
  .times_a_day = "%d fois par jour",
  .days_a_week = { "%d jour par semaine", "%d jours par semaine" },
  .side_left = "côté gauche",
  .side_right = "côté droit",
  .side_both = "les deux côtés",

  .stretches = { "%d étirement", "%d étirements" },
  .times_a_day_range = "de %d à %d fois par jour",
  .about_minutes = "environ %d minutes chaque fois",

  .pain_ranges = { "0–2", "3–5", "6–10" },
  .pain_words = { "Continuez.", "Allez-y doucement.", "Arrêtez." },
  .pain_advice = { "Un étirement léger, c’est bien.", "Appuyez moins fort et bougez moins loin.",
                   "Arrêtez l’étirement et appelez-nous :" },

  .terms = { "Répétition", "Série", "Tenir", "Détente" },
  .meanings = {
    "un mouvement lent, du début à la fin.",
    "quelques répétitions à la suite, puis une courte pause.",
    "ne plus bouger à la fin, le nombre de secondes indiqué.",
    "un étirement fait en appuyant sur le muscle tendu.",
  },

  .glossary = glossary,
  .hold_step = { "Tenez la position finale %d seconde sans bouger. Puis revenez lentement au départ.",
                 "Tenez la position finale %d secondes sans bouger. Puis revenez lentement au départ." },

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
  .side_nouns = side_nouns,
};
