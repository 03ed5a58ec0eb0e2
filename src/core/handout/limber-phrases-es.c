/* limber-phrases-es.c — the handout's fixed words in Spanish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

static const LimberSidePair side_words[] = {
  { "derecha", "izquierda" },
  { "derecho", "izquierdo" },
  { "derechas", "izquierdas" },
  { "derechos", "izquierdos" },
  { NULL, NULL },
};

/* "derecho" that means straight: "espalda derecha", "ponte derecho". */
static const char * const not_side_before[] = {
  "espalda", "ponte", "siéntate", "sentado", "sentada", "mantente", "quédate",
  "tronco", "cuerpo", "todo", "bien", "muy", "más", NULL
};
static const char * const not_side_after[] = { NULL };

const LimberPhrasesLanguage _limber_phrases_es = {
  .code = "es",
  .phrases = {
    [LIMBER_PHRASE_PAGE_N_OF_M] = "Página %d de %d",
    [LIMBER_PHRASE_SETS] = "Series",
    [LIMBER_PHRASE_THERAPIST] = "Fisioterapeuta",
    [LIMBER_PHRASE_PATIENT] = "Paciente",
    [LIMBER_PHRASE_DATE] = "Fecha",
    [LIMBER_PHRASE_YOUR_NOTES] = "Tus notas",
    [LIMBER_PHRASE_CAUTIONS] = "Precauciones",
    [LIMBER_PHRASE_CAREFUL] = "Cuidado:",
    [LIMBER_PHRASE_TICK_A_BOX] = "Marca una casilla cada vez que hagas el estiramiento",
    [LIMBER_PHRASE_BOTH_SIDES] = "Haz los dos lados: primero el derecho, luego el izquierdo",
    [LIMBER_PHRASE_THERAPIST_NOTE] = "Tu fisioterapeuta dice:",
    [LIMBER_PHRASE_ADVICE] = "Consejos de tu fisioterapeuta",
    [LIMBER_PHRASE_EXAMINATION] = "Exploración",
    [LIMBER_PHRASE_PROGRESS] = "Evolución",
    [LIMBER_PHRASE_THERAPIST_COPY] = "Copia del fisioterapeuta",
    [LIMBER_PHRASE_STRETCH] = "Estiramiento",
    [LIMBER_PHRASE_LOG] = "Tu registro de ejercicios",
    [LIMBER_PHRASE_QUESTIONS] = "¿Dudas? Llámanos:",
    [LIMBER_PHRASE_NO_STRETCHES] = "Todavía no hay estiramientos.",
    [LIMBER_PHRASE_PATIENT_ID] = "N.º",
  },
  .weekdays = { "lun", "mar", "mié", "jue", "vie", "sáb", "dom" },
  /* Spanish calendars write X for miércoles, so Tuesday's M stays apart. */
  .weekday_initials = { "L", "M", "X", "J", "V", "S", "D" },
  .months = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre" },
  .date = "%d de %s de %d",

  .sets = { "%d serie", "%d series" },
  .sets_of_reps = " de ",
  .reps = { "%d repetición lenta", "%d repeticiones lentas" },
  .hold = { "mantén %d segundo", "mantén %d segundos" },
  .once_a_day = "una vez al día",
  .twice_a_day = "dos veces al día",
  .times_a_day = "%d veces al día",
  .days_a_week = { "%d día a la semana", "%d días a la semana" },
  .side_left = "lado izquierdo",
  .side_right = "lado derecho",
  .side_both = "ambos lados",

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
};
