/**
 * Bitácora's own compact emotion lexicon for Spanish (Mexico first) and English, written
 * by hand for engineering logs. It is NOT derived from SEL or NRC EmoLex (those are
 * research-only and are used in eval/ only).
 *
 * Format: space-separated terms, accents and case ignored. `stem*` matches any word that
 * starts with the stem; `a_b` is a two- or three-word phrase. A term may end in `:weight`
 * (default 1). Categories:
 *   joy = enthusiastic, satisfaction = calm positive, concern = worry or fear,
 *   frustration = anger or annoyance, sadness = loss or discouragement.
 */
import type { TextEmotion } from "./text-emotion-types";

export const LEXICON_TERMS: Record<TextEmotion, { es: string; en: string }> = {
  joy: {
    es: `increible* excelente* genial* maravill* espectacular* fantastic* emocionad* emocion* encant* buenisim*
      felic* feliz alegr* lo_logramos logramos:0.8 exito* exitos* asombros* impresionant* brutal:0.8 padrisim*
      chido:0.8 que_padre chingon* wow:1 increible orgullos* entusiasm* perfect*:0.8 ganamos ole:0.5 fabulos* estupend*
      extraordinari* magnific* super:0.5 vamos:0.3 bravo`,
    en: `amazing awesome excellent great:0.8 fantastic* brilliant* excited exciting thrill* love:0.8 loved wonderful
      incredibl* wow perfect*:0.8 success* succeed* proud superb outstanding stunning we_did_it nailed_it delight*
      happy:0.6 glad:0.6 yay hooray terrific* fabulous marvel* impressive* brilliantly thrilled ecstatic`,
  },
  satisfaction: {
    es: `funciona:0.8 funcionan:0.8 funciono:0.8 funcionando:0.8 resuelt* resolvi* arregl* solucion*:0.8 estable:0.8
      bien:0.6 correct*:0.6 contento contenta content* satisf* tranquil* listo:0.3 terminamos:0.5 terminado:0.5 termine:0.5 complet*:0.3 logr*:0.6
      mejor*:0.6 aceptabl*:0.6 buen:0.6 bueno:0.5 buena:0.5 limpi*:0.5 avance:0.4 avanz*:0.4 pasaron:0.5 pasan:0.5
      en_verde aprob*:0.6 agradec* gracias:0.5 comod*:0.5 rapid*:0.4 a_tiempo:0.6 sin_problemas sin_errores:1
      sin_fallas ok:0.4 okay:0.4 cumpli*:0.6 optimiz*:0.5 confiabl*:0.6 exactitud:0.3 funcional*:0.6 gusta:0.9 gustan:0.9 gusto:0.6 jala:0.7 jalan:0.7 jalando:0.7 jalo:0.6 buen_trabajo vale_la_pena salio_bien salieron_bien`,
    en: `works:0.8 working:0.6 worked:0.8 fixed fix:0.4 resolved solved stable:0.8 fine:0.6 well:0.3 correct*:0.6
      happy:0.6 glad:0.6 satisf* pleased calm:0.5 relieved relief done:0.4 finished:0.4 complete*:0.3 improv*:0.6
      better:0.6 acceptable:0.6 good:0.6 nice:0.6 clean:0.5 progress:0.4 passed:0.6 pass:0.4 green:0.4 approved:0.6
      thank*:0.5 smooth*:0.6 fast:0.4 on_time:0.6 no_issues no_problems without_issues without_problems reliable:0.6
      optimi*:0.5 good_job well_done went_well solid:0.5 ok:0.4 okay:0.4`,
  },
  concern: {
    es: `preocup* miedo temo teme temor* riesgo* riesgos* inquiet* nervios* ansie* ansios* incertidumbre duda* dudo
      incierto insegur* peligr* alarm* alert*:0.6 urgent*:0.6 critic*:0.6 no_estoy_seguro no_se_si ojala:0.5 quiza*:0.4
      podria:0.3 tal_vez:0.4 casi_lleno vence*:0.4 vencer:0.4 agot*:0.5 sospech* cuidado:0.5 grave* serio*:0.5
      problema*:0.5 amenaz* fuga*:0.5 caida*:0.5 crece*:0.3 crecer*:0.3 susto asust* panico estres*`,
    en: `worr* fear* afraid scared anxi* nervous risk* risky uncertain* unsure doubt* danger* alarm* alert:0.6
      urgent*:0.6 critical:0.6 not_sure hopefully:0.4 maybe:0.4 might:0.3 almost_full expir*:0.4 run_out:0.6
      runs_out:0.6 suspicious careful:0.5 serious:0.5 problem*:0.5 threat* leak*:0.5 outage*:0.5 growing:0.3
      rising:0.4 is_down:0.6 went_down:0.6 panic* stress* concern* uneasy tense:0.6 deadline:0.3 warning*:0.5`,
  },
  frustration: {
    es: `falla:0.8 fallan:0.8 fallo:0.8 fallando:0.8 fallar:0.6 error:0.4 errores:0.4 bloque*:0.8 retras*:0.8 atasc* atorad*
      se_cayo:0.8 no_puede_ser no_aguanto ya_no_aguanto sigue_fallando
      harto harta hartos fastidi* molest* enoj* coraje rabia furi* irrit* desesper* odio odi* maldit* absurd* ridicul*
      cansad*:0.7 me_canse otra_vez:0.7 de_nuevo:0.5 volvio_a:0.5 no_tiene_sentido lento:0.5 lenta:0.5 culpa:0.6
      bug:0.3 bugs:0.4 crash*:0.7 trabad*:0.6 ni_modo:0.5 nadie:0.5 pesimo* horribl* terribl* fatal* inutil* basura
      estorb* impaci* rompi*:0.6 rompe:0.6 se_cae:0.7 perdi_el_tiempo ya_basta chale:0.8`,
    en: `fail* broken broke:0.7 break:0.6 breaks:0.6 breaking:0.6 error*:0.4 blocked blocker* blocking:0.6 delay* stuck fed_up annoy* irritat* angry anger furious
      mad:0.8 hate* damn* absurd ridiculous tired:0.6 again:0.5 no_sense makes_no_sense slow:0.5 blame*:0.6 bug:0.3
      bugs:0.4 crash*:0.7 nobody:0.5 awful terrible horrible useless garbage hassle impatien* keeps_dropping:0.7
      wasted_time waste* enough_already ugh seriously:0.4 nothing_works frustrat* irritating`,
  },
  sadness: {
    es: `triste* tristeza pena lastima lamentabl* lament* desanim* deprim* decepcion* desilusion* perdimos perdi*:0.6
      perdida* llor* dolor* dolid* melancol* me_siento_solo me_siento_sola gris:0.6 cancel*:0.6 recort* desped* extrano:0.5
      extranar* fracas* sin_esperanza desalent* abatid* vacio:0.5 luto fallecio murio renunci*:0.5
      se_va:0.5 se_vaya:0.5 desperdici*:0.5 de_cero:0.4 no_sirvio:0.7 en_vano`,
    en: `sad sadly sadness shame pity unfortunate* regret* discourag* depress* disappoint* lost:0.6 lose:0.5 loss*
      cry* hurt* pain* melanchol* alone:0.6 lonely gloomy gloom grey:0.4 gray:0.4 cancel*:0.6 being_cut layoff* goodbye:0.5
      miss:0.5 missed:0.4 failure:0.5 hopeless heartbroken empty:0.4 grief griev* died passed_away
      leaving:0.5 quit*:0.4 wasted:0.4 from_scratch:0.4 nothing_came in_vain for_nothing come_to_nothing`,
  },
};

/** Words that flip the next few words: "no funciona", "sin errores", "not working". */
export const NEGATORS = new Set(["no", "nunca", "jamas", "ni", "sin", "tampoco", "nada", "not", "never", "without", "nor", "cannot", "nothing"]);

/** Words that scale the next emotion word. */
export const INTENSIFIERS: Record<string, number> = {
  muy: 1.5, super: 1.5, tan: 1.4, tanto: 1.4, bastante: 1.3, demasiado: 1.5, realmente: 1.4, totalmente: 1.5,
  completamente: 1.5, sumamente: 1.6, extremadamente: 1.7, mega: 1.5,
  very: 1.5, so: 1.4, really: 1.4, extremely: 1.7, totally: 1.5, completely: 1.5, incredibly: 1.6, absolutely: 1.6,
  huge: 1.3, such: 1.3, quite: 1.2, too: 1.3,
  poco: 0.5, algo: 0.6, apenas: 0.5, ligeramente: 0.5, medio: 0.6,
  slightly: 0.5, somewhat: 0.6, bit: 0.6, little: 0.6, barely: 0.5, kinda: 0.6,
};
