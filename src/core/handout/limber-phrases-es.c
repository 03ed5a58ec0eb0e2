/* limber-phrases-es.c — the handout's fixed words in Spanish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

static const LimberSidePair side_words[] = {
  { "derecha", "izquierda", LIMBER_GENDER_ANY },
  { "derecho", "izquierdo", LIMBER_GENDER_ANY },
  { "derechas", "izquierdas", LIMBER_GENDER_ANY },
  { "derechos", "izquierdos", LIMBER_GENDER_ANY },
  { NULL, NULL, LIMBER_GENDER_ANY },
};

/* "derecho" that means straight: "espalda derecha", "ponte derecho". */
static const char * const not_side_before[] = {
  "espalda", "ponte", "siéntate", "sentado", "sentada", "mantente", "quédate",
  "tronco", "cuerpo", "todo", "bien", "muy", "más", NULL
};
static const char * const not_side_after[] = { NULL };

/* Palabras de los estiramientos que necesitan una explicación sencilla. */
static const LimberGlossaryEntry glossary[] = {
  { "Flexor de cadera", "flexor de cadera|flexores de la cadera", "los músculos que suben la rodilla." },
  { "Figura de 4", "figura de 4", "un tobillo sobre la otra rodilla: las piernas forman un 4." },
  { "Glúteo", "glúteo", "la nalga." },
  { "Rotadores de la cadera", "rotadores", "músculos pequeños, dentro del glúteo, que giran la pierna." },
  { "Pliegue de la ingle", "pliegue de la ingle|pliegue de la cadera", "donde la pierna se une a la barriga." },
  { "Zona lumbar", "lumbar", "la parte baja de la espalda." },
  { "Tendón del talón", "tendón del talón", "el cordón grueso de detrás del tobillo, justo encima del talón." },
  { "Banda de fuera del muslo", "banda de fuera", "una banda larga y dura por fuera del muslo." },
  { NULL, NULL, NULL },
};

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
    [LIMBER_PHRASE_FEEL] = "Cómo debes notarlo:",
    [LIMBER_PHRASE_PAIN_HEADING] = "Dolor mientras estiras: puntúalo de 0 (nada) a 10 (el peor)",
    [LIMBER_PHRASE_WORDS] = "Palabras de esta hoja",
    [LIMBER_PHRASE_CAPTION_START] = "Inicio",
    [LIMBER_PHRASE_CAPTION_MOVE] = "Movimiento",
    [LIMBER_PHRASE_SUMMARY] = "Tu programa:",
    [LIMBER_PHRASE_NEXT_VISIT] = "Próxima cita",
    [LIMBER_PHRASE_FOR_THERAPIST] = "Para el fisioterapeuta:",
    [LIMBER_PHRASE_CALL_YOUR_THERAPIST] = "Deja el estiramiento y llama a tu fisioterapeuta.",
    [LIMBER_PHRASE_BACK_TO_START] = "Vuelve despacio a la posición inicial.",
    [LIMBER_PHRASE_KEY_POINTS] = "Lo más importante",
    [LIMBER_PHRASE_KEY_DO] = "Haz cada estiramiento despacio, paso a paso, las veces que dice bajo su nombre.",
    [LIMBER_PHRASE_KEY_STOP] = "Detente si el dolor pasa de 5 o si notas adormecimiento u hormigueo.",
    [LIMBER_PHRASE_KEY_CALL] = "Si el dolor empeora o no se va, llámanos:",
    [LIMBER_PHRASE_KEY_CALL_NO_PHONE] = "Si el dolor empeora o no se va, llama a tu fisioterapeuta.",
    [LIMBER_PHRASE_KEY_LOG] = "Marca el registro cada vez y trae esta hoja a tu próxima cita.",
  },
  .weekdays = { "lun", "mar", "mié", "jue", "vie", "sáb", "dom" },
  /* Spanish calendars write X for miércoles, so Tuesday's M stays apart. */
  .weekday_initials = { "L", "M", "X", "J", "V", "S", "D" },
  .months = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre" },
  .date = "%d de %s de %d",
  .colon = ":",

  .sets = { "%d serie", "%d series" },
  .sets_of_reps = " de ",
  .reps = { "%d repetición lenta", "%d repeticiones lentas" },
  .hold = { "mantén la posición final %d segundo", "mantén la posición final %d segundos" },
  .once_a_day = "una vez al día",
  .twice_a_day = "dos veces al día",
  .times_a_day = "%d veces al día",
  .days_a_week = { "%d día a la semana", "%d días a la semana" },
  .side_left = "lado izquierdo",
  .side_right = "lado derecho",
  .side_both = "ambos lados",

  .stretches = { "%d estiramiento", "%d estiramientos" },
  .times_a_day_range = "de %d a %d veces al día",
  .about_minutes = "unos %d minutos cada vez",

  .pain_ranges = { "0–2", "3–5", "6–10" },
  .pain_words = { "Sigue.", "Afloja.", "Detente." },
  .pain_advice = { "Un estiramiento suave está bien.", "Presiona más suave y muévete menos.",
                   "Deja el estiramiento y llámanos:" },

  .terms = { "Repetición", "Serie", "Mantén", "Liberación" },
  .meanings = {
    "un movimiento lento, del inicio al final.",
    "varias repeticiones seguidas y un breve descanso.",
    "no te muevas de la posición final durante los segundos indicados.",
    "estirar mientras presionas el músculo tenso.",
  },

  .glossary = glossary,
  .hold_step = { "Mantén la posición final %d segundo, sin moverte. Después vuelve despacio al inicio.",
                 "Mantén la posición final %d segundos, sin moverte. Después vuelve despacio al inicio." },

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
};
