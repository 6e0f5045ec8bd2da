
            (function(global){
                var LeadershipXBlocksI18N = {
                  init: function() {
                    
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;
    if (typeof v === 'boolean') {
      return v ? 1 : 0;
    } else {
      return v;
    }
  };
  

  /* gettext library */

  django.catalog = django.catalog || {};
  
  const newcatalog = {
    "(this exercise)": "(yr ymarfer hwn)",
    "(yours)": "(eich un chi)",
    "({left} still to allocate)": "({left} ar \u00f4l i'w dyrannu)",
    "({needed} more needed)": "(angen {needed} arall)",
    "({over} over the limit)": "({over} dros y terfyn)",
    "({over} too many)": "({over} yn ormod)",
    "A new attempt has started.": "Mae ymgais newydd wedi dechrau.",
    "Agree to research use": "Cytuno i'w ddefnyddio ar gyfer ymchwil",
    "Answer": "Ateb",
    "Answered by {n}. Timeouts taken: {timeouts}.": "Atebwyd gan {n}. Amser wedi dod i ben: {timeouts}.",
    "Attempt {attempt}": "Ymgais {attempt}",
    "Attempt {attempt} of {max}": "Ymgais {attempt} o {max}",
    "Average rating": "Gradd gyfartalog",
    "Bar chart of your average rating in each dimension, on a scale {range}. The table that follows gives the same figures.": "Siart bar o'ch gradd gyfartalog ym mhob dimensiwn, ar raddfa {range}. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Before you begin: a content note": "Cyn i chi ddechrau: nodyn cynnwys",
    "Best score": "Sg\u00f4r orau",
    "Change": "Newid",
    "Change my answer": "Newid fy ateb",
    "Change my ratings": "Newid fy ngraddau",
    "Change since your first rating": "Newid ers eich gradd gyntaf",
    "Choice": "Dewis",
    "Choices": "Dewisiadau",
    "Choices at \"{title}\"": "Dewisiadau yn \"{title}\"",
    "Choices made at this step": "Dewisiadau a wnaed yn y cam hwn",
    "Choose a rating for this statement.": "Dewiswch radd ar gyfer y datganiad hwn.",
    "Choose the model of leadership you espouse, or describe it in your own words.": "Dewiswch y model arwain rydych chi'n ei arddel, neu disgrifiwch ef yn eich geiriau eich hun.",
    "Choose whether your answer may be used for research.": "Dewiswch a gawn ni ddefnyddio eich ateb ar gyfer ymchwil.",
    "Close the facilitator dashboard": "Cau dangosfwrdd yr hwylusydd",
    "Cohort data is not available in this installation.": "Nid yw data'r garfan ar gael yn y gosodiad hwn.",
    "Cohort mean": "Cymedr y garfan",
    "Compared with your first rating, in \"{title}\".": "O gymharu \u00e2'ch gradd gyntaf, yn \"{title}\".",
    "Competency": "Cymhwysedd",
    "Completed": "Wedi cwblhau",
    "Consensual": "Cydsyniol",
    "Consensual: build agreement": "Cydsyniol: meithrin cytundeb",
    "Consent withdrawn: your answer is no longer used for research.": "Caniat\u00e2d wedi'i dynnu'n \u00f4l: nid yw eich ateb yn cael ei ddefnyddio ar gyfer ymchwil mwyach.",
    "Consultative": "Ymgynghorol",
    "Consultative: consult, then decide": "Ymgynghorol: ymgynghori, yna penderfynu",
    "Continue to the scenario": "Ymlaen i\u2019r senario",
    "Debrief": "\u00d4l-drafodaeth",
    "Decision modes": "Dulliau penderfynu",
    "Decision modes at \"{title}\"": "Dulliau penderfynu yn \"{title}\"",
    "Decision modes at this step": "Dulliau penderfynu yn y cam hwn",
    "Decisions, step by step": "Penderfyniadau, gam wrth gam",
    "Delegated": "Dirprwyedig",
    "Delegated: hand the decision on": "Dirprwyedig: trosglwyddo'r penderfyniad",
    "Did it fit?": "Oedd yn cyd-fynd?",
    "Dimension": "Dimensiwn",
    "Draft last saved {when}.": "Cadwyd y drafft ddiwethaf {when}.",
    "Draft saved {when}.": "Cadwyd y drafft {when}.",
    "Effects": "Effeithiau",
    "Ending": "Diweddglo",
    "Endings (learners who finished an attempt: {n}; each one's latest counts)": "Diweddgloeon (dysgwyr a orffennodd gynnig: {n}; cynnig diweddaraf pob un sy'n cyfrif)",
    "Endings reached by learners": "Diweddgloeon a gyrhaeddwyd gan ddysgwyr",
    "Enter a number from 0 to {total} for each function.": "Rhowch rif o 0 i {total} ar gyfer pob swyddogaeth.",
    "Feedback on your decision": "Adborth ar eich penderfyniad",
    "Figures as of {time}.": "Ffigurau fel yr oeddent am {time}.",
    "Finished an attempt": "Wedi gorffen ymgais",
    "First": "Cyntaf",
    "Full screen": "Sgrin lawn",
    "Function": "Swyddogaeth",
    "How other learners answered": "Sut yr atebodd dysgwyr eraill",
    "How you divide your time": "Sut rydych chi'n rhannu eich amser",
    "How you matched your decisions to the situation": "Sut y gwnaethoch chi gydweddu eich penderfyniadau \u00e2'r sefyllfa",
    "How your ratings have changed": "Sut mae eich graddau wedi newid",
    "Item": "Eitem",
    "Learners": "Dysgwyr",
    "Learners: {count} ({share}). {steps} \u2192 ending: {ending}": "Dysgwyr: {count} ({share}). {steps} \u2192 diweddglo: {ending}",
    "Made at least one decision": "Wedi gwneud o leiaf un penderfyniad",
    "Mean": "Cymedr",
    "Mean change": "Newid cymedrig",
    "Mean competency profile (learners: {n})": "Proffil cymwyseddau cymedrig (dysgwyr: {n})",
    "Mean time to decide: {seconds} s.": "Amser cymedrig i benderfynu: {seconds} eiliad.",
    "Measure": "Mesur",
    "Mode": "Dull",
    "Most common paths": "Y llwybrau mwyaf cyffredin",
    "No": "Nac oedd",
    "No answers yet.": "Dim atebion eto.",
    "No learner has reached an ending yet.": "Does dim dysgwr wedi cyrraedd diweddglo eto.",
    "Not judged": "Heb ei farnu",
    "Nothing in particular": "Dim byd penodol",
    "Nothing saved yet.": "Dim wedi'i gadw eto.",
    "Now": "Nawr",
    "One bar per function, in per cent of your working time. The table that follows gives the same figures.": "Un bar ar gyfer pob swyddogaeth, fel canran o'ch amser gwaith. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Open the facilitator dashboard": "Agor dangosfwrdd yr hwylusydd",
    "Others": "Eraill",
    "Others, mean (%)": "Eraill, cymedr (%)",
    "Pause the timer": "Oedi'r amserydd",
    "Pause updates": "Seibio diweddariadau",
    "Points": "Pwyntiau",
    "Present results to the group": "Cyflwyno'r canlyniadau i'r gr\u0175p",
    "Reflection": "Myfyrdod",
    "Research use of your answer": "Defnyddio eich ateb ar gyfer ymchwil",
    "Results appear once at least {minimum} learners have answered.": "Bydd y canlyniadau'n ymddangos ar \u00f4l i o leiaf {minimum} o ddysgwyr ateb.",
    "Resume the timer": "Ailddechrau'r amserydd",
    "Resume updates": "Ailddechrau diweddaru",
    "Saved a draft or submitted": "Wedi cadw drafft neu gyflwyno",
    "Saving your answer...": "Wrthi'n cadw eich ateb...",
    "Saving your choice...": "Wrthi'n cadw eich dewis...",
    "Saving your draft...": "Wrthi'n cadw eich drafft...",
    "Saving your ratings...": "Wrthi'n cadw eich graddau...",
    "Score distribution (learners with a score: {n}; mean {mean})": "Dosbarthiad sgoriau (dysgwyr \u00e2 sg\u00f4r: {n}; cymedr {mean})",
    "Score for this attempt: {score}. Your best: {best}.": "Sg\u00f4r yr ymgais hon: {score}. Eich sg\u00f4r orau: {best}.",
    "Share": "Cyfran",
    "Share of working time by function": "Cyfran o'r amser gwaith fesul swyddogaeth",
    "Situations that called for consensus, met by building agreement: {met} of {total}": "Sefyllfaoedd a oedd yn galw am gonsensws, wedi'u hateb drwy feithrin cytundeb: {met} o {total}",
    "Situations that called for consultation, met by consulting: {met} of {total}": "Sefyllfaoedd a oedd yn galw am ymgynghori, wedi'u hateb drwy ymgynghori: {met} o {total}",
    "Situations that called for delegation, met by delegating: {met} of {total}": "Sefyllfaoedd a oedd yn galw am ddirprwyo, wedi'u hateb drwy ddirprwyo: {met} o {total}",
    "Situations that called for urgency, met decisively: {met} of {total}": "Sefyllfaoedd a oedd yn galw am frys, wedi'u hateb yn bendant: {met} o {total}",
    "Something went wrong. Please try again.": "Aeth rhywbeth o'i le. Rhowch gynnig arall arni.",
    "Start a new attempt": "Dechrau ymgais newydd",
    "Start the timer": "Dechrau'r amserydd",
    "Started": "Wedi dechrau",
    "Step": "Cam",
    "Step to show": "Cam i'w ddangos",
    "Stop presenting": "Rhoi'r gorau i gyflwyno",
    "Submitted a reflection": "Wedi cyflwyno myfyrdod",
    "Submitted an answer": "Wedi cyflwyno ateb",
    "Submitted their ratings": "Wedi cyflwyno eu graddau",
    "Submitted {when}.": "Cyflwynwyd {when}.",
    "Submitting your reflection...": "Wrthi'n cyflwyno eich myfyrdod...",
    "Switch the timer off": "Diffodd yr amserydd",
    "Thank you: your answer may now be used for research.": "Diolch: caiff eich ateb ei ddefnyddio ar gyfer ymchwil o hyn ymlaen.",
    "The leadership model you espouse: {model}": "Y model arwain rydych chi'n ei arddel: {model}",
    "The mean is of {count} other learner who agreed to research use.": [
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} ddysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil."
    ],
    "The mean of other learners appears here once at least {minimum} of them have answered and agreed to research use.": "Bydd cymedr dysgwyr eraill yn ymddangos yma ar \u00f4l i o leiaf {minimum} ohonyn nhw ateb a chytuno i'w ddefnyddio ar gyfer ymchwil.",
    "The server could not be reached. Check your connection and try again.": "Doedd dim modd cysylltu \u00e2'r gweinydd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.",
    "The timer is off. Take the time you need.": "Mae'r amserydd wedi'i ddiffodd. Cymerwch yr amser sydd ei angen arnoch chi.",
    "The two self-assessments have no dimensions in common.": "Does gan y ddau hunanasesiad ddim dimensiynau'n gyffredin.",
    "This decision has a time limit of {seconds} seconds. You can start the timer, pause it, or switch it off.": "Mae terfyn amser o {seconds} eiliad ar y penderfyniad hwn. Gallwch ddechrau'r amserydd, ei oedi, neu ei ddiffodd.",
    "This is your first rating. A later self-assessment in this course will show how your ratings have changed since.": "Dyma'ch gradd gyntaf. Bydd hunanasesiad diweddarach yn y cwrs hwn yn dangos sut mae eich graddau wedi newid ers hynny.",
    "This scenario has no steps.": "Does dim camau yn y senario hwn.",
    "This step demands: {mode}.": "Mae'r cam hwn yn galw am: {mode}.",
    "Time left: {time}": "Amser ar \u00f4l: {time}",
    "Time ran out": "Daeth yr amser i ben",
    "Time ran out before you decided.": "Daeth yr amser i ben cyn i chi benderfynu.",
    "Timeouts taken in all steps: {n}.": "Amser wedi dod i ben ym mhob cam: {n}.",
    "Timer paused": "Amserydd wedi'i oedi",
    "Total: {sum} of {total}": "Cyfanswm: {sum} o {total}",
    "Two bars per dimension: \"First\" (dashed outline) and \"Now\" (solid), on a scale {range}. The table that follows gives the same figures.": "Dau far ar gyfer pob dimensiwn: \"Cyntaf\" (amlinell doredig) a \"Nawr\" (solet), ar raddfa {range}. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Two bars per function: \"You\" (solid) and \"Others\", the mean of the other learners (dashed outline), in per cent of working time. The table that follows gives the same figures.": "Dau far ar gyfer pob swyddogaeth: \"Chi\" (solet) ac \"Eraill\", cymedr y dysgwyr eraill (amlinell doredig), fel canran o'r amser gwaith. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Undo my last decision": "Dadwneud fy mhenderfyniad olaf",
    "Updated at {time}.": "Diweddarwyd am {time}.",
    "Updates are paused.": "Mae'r diweddariadau wedi'u seibio.",
    "Updates every few seconds.": "Yn diweddaru bob ychydig eiliadau.",
    "Urgent": "Brys",
    "Urgent: decide now": "Brys: penderfynu nawr",
    "What do you do?": "Beth ydych chi'n ei wneud?",
    "What experienced supervisors notice here": "Beth mae goruchwylwyr profiadol yn sylwi arno yma",
    "What the moment demanded": "Beth roedd yr eiliad yn ei ofyn",
    "Where your decisions led": "I ble arweiniodd eich penderfyniadau",
    "Withdraw my consent": "Tynnu fy nghaniat\u00e2d yn \u00f4l",
    "Yes": "Oedd",
    "You": "Chi",
    "You (%)": "Chi (%)",
    "You chose: {label}": "Eich dewis: {label}",
    "You have agreed that your anonymised answer may be used for research.": "Rydych chi wedi cytuno y caiff eich ateb dienw ei ddefnyddio ar gyfer ymchwil.",
    "You have used all your attempts.": "Rydych chi wedi defnyddio eich holl ymgeisiau.",
    "Your answer": "Eich ateb",
    "Your answer has been saved.": "Mae eich ateb wedi'i gadw.",
    "Your answer is used only for your own view.": "Dim ond ar gyfer eich golwg eich hun y caiff eich ateb ei ddefnyddio.",
    "Your average rating per dimension ({range})": "Eich gradd gyfartalog fesul dimensiwn ({range})",
    "Your competency profile": "Proffil eich cymwyseddau",
    "Your competency profile beside the cohort mean": "Proffil eich cymwyseddau ochr yn ochr \u00e2 chymedr y garfan",
    "Your decision": "Eich penderfyniad",
    "Your ending beside the cohort": "Eich diweddglo chi ochr yn ochr \u00e2'r garfan",
    "Your first and latest average rating per dimension": "Eich gradd gyfartalog gyntaf a diweddaraf fesul dimensiwn",
    "Your last decision was undone.": "Cafodd eich penderfyniad olaf ei ddadwneud.",
    "Your leadership profile": "Eich proffil arwain",
    "Your profile: average rating per dimension": "Eich proffil: gradd gyfartalog fesul dimensiwn",
    "Your ratings have been saved.": "Mae eich graddau wedi'u cadw.",
    "Your reflection has been submitted.": "Mae eich myfyrdod wedi'i gyflwyno.",
    "Your route, step by step: where credit was won and lost": "Eich llwybr, gam wrth gam: lle enilloch a lle colloch farciau",
    "Your shares add up to {sum}: they must add up to {total}.": "Cyfanswm eich cyfrannau yw {sum}: rhaid iddo fod yn {total}.",
    "Your submitted reflection": "Y myfyrdod a gyflwynoch",
    "Your time beside the mean of other learners": "Eich amser chi ochr yn ochr \u00e2 chymedr dysgwyr eraill",
    "down {value}": "i lawr {value}",
    "draft": "drafft",
    "from {min} to {max}": "o {min} i {max}",
    "no answers yet": "dim atebion eto",
    "no change": "dim newid",
    "no mode": "dim dull",
    "submitted": "wedi'i gyflwyno",
    "up {value}": "i fyny {value}",
    "{count} statement still needs a rating:": [
      "Mae angen gradd ar {count} datganiad o hyd:",
      "Mae angen gradd ar {count} datganiad o hyd:",
      "Mae angen gradd ar {count} ddatganiad o hyd:",
      "Mae angen gradd ar {count} datganiad o hyd:",
      "Mae angen gradd ar {count} datganiad o hyd:",
      "Mae angen gradd ar {count} datganiad o hyd:"
    ],
    "{count} word": [
      "{count} gair",
      "{count} gair",
      "{count} air",
      "{count} gair",
      "{count} gair",
      "{count} gair"
    ],
    "{n} learner has answered": [
      "Mae {n} dysgwr wedi ateb",
      "Mae {n} dysgwr wedi ateb",
      "Mae {n} ddysgwr wedi ateb",
      "Mae {n} dysgwr wedi ateb",
      "Mae {n} dysgwr wedi ateb",
      "Mae {n} dysgwr wedi ateb"
    ],
    "{n} learner has reached an ending, including you.": [
      "Mae {n} dysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi.",
      "Mae {n} dysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi.",
      "Mae {n} ddysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi.",
      "Mae {n} dysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi.",
      "Mae {n} dysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi.",
      "Mae {n} dysgwr wedi cyrraedd diweddglo, gan eich cynnwys chi."
    ],
    "{seconds} seconds left": "{seconds} eiliad ar \u00f4l",
    "{status}, {words}, {when}": "{status}, {words}, {when}",
    "{title} (learners: {n})": "{title} (dysgwyr: {n})",
    "{title}: {n} learner has answered this step, including you.": [
      "{title}: mae {n} dysgwr wedi ateb y cam hwn, gan eich cynnwys chi.",
      "{title}: mae {n} dysgwr wedi ateb y cam hwn, gan eich cynnwys chi.",
      "{title}: mae {n} ddysgwr wedi ateb y cam hwn, gan eich cynnwys chi.",
      "{title}: mae {n} dysgwr wedi ateb y cam hwn, gan eich cynnwys chi.",
      "{title}: mae {n} dysgwr wedi ateb y cam hwn, gan eich cynnwys chi.",
      "{title}: mae {n} dysgwr wedi ateb y cam hwn, gan eich cynnwys chi."
    ]
  };
  for (const key in newcatalog) {
    django.catalog[key] = newcatalog[key];
  }
  

  if (!django.jsi18n_initialized) {
    django.gettext = function(msgid) {
      const value = django.catalog[msgid];
      if (typeof value === 'undefined') {
        return msgid;
      } else {
        return (typeof value === 'string') ? value : value[0];
      }
    };

    django.ngettext = function(singular, plural, count) {
      const value = django.catalog[singular];
      if (typeof value === 'undefined') {
        return (count == 1) ? singular : plural;
      } else {
        return value.constructor === Array ? value[django.pluralidx(count)] : value;
      }
    };

    django.gettext_noop = function(msgid) { return msgid; };

    django.pgettext = function(context, msgid) {
      let value = django.gettext(context + '\x04' + msgid);
      if (value.includes('\x04')) {
        value = msgid;
      }
      return value;
    };

    django.npgettext = function(context, singular, plural, count) {
      let value = django.ngettext(context + '\x04' + singular, context + '\x04' + plural, count);
      if (value.includes('\x04')) {
        value = django.ngettext(singular, plural, count);
      }
      return value;
    };

    django.interpolate = function(fmt, obj, named) {
      if (named) {
        return fmt.replace(/%\(\w+\)s/g, function(match){return String(obj[match.slice(2,-2)])});
      } else {
        return fmt.replace(/%s/g, function(match){return String(obj.shift())});
      }
    };


    /* formatting library */

    django.formats = {
    "DATETIME_FORMAT": "j F Y, P",
    "DATETIME_INPUT_FORMATS": [
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%d/%m/%Y %H:%M:%S",
      "%d/%m/%Y %H:%M:%S.%f",
      "%d/%m/%Y %H:%M",
      "%d/%m/%y %H:%M:%S",
      "%d/%m/%y %H:%M:%S.%f",
      "%d/%m/%y %H:%M",
      "%Y-%m-%d"
    ],
    "DATE_FORMAT": "j F Y",
    "DATE_INPUT_FORMATS": [
      "%d/%m/%Y",
      "%d/%m/%y",
      "%Y-%m-%d"
    ],
    "DECIMAL_SEPARATOR": ".",
    "FIRST_DAY_OF_WEEK": 1,
    "MONTH_DAY_FORMAT": "j F",
    "NUMBER_GROUPING": 3,
    "SHORT_DATETIME_FORMAT": "d/m/Y P",
    "SHORT_DATE_FORMAT": "d/m/Y",
    "THOUSAND_SEPARATOR": ",",
    "TIME_FORMAT": "P",
    "TIME_INPUT_FORMATS": [
      "%H:%M:%S",
      "%H:%M:%S.%f",
      "%H:%M"
    ],
    "YEAR_MONTH_FORMAT": "F Y"
  };

    django.get_format = function(format_type) {
      const value = django.formats[format_type];
      if (typeof value === 'undefined') {
        return format_type;
      } else {
        return value;
      }
    };

    /* add to global namespace */
    globals.pluralidx = django.pluralidx;
    globals.gettext = django.gettext;
    globals.ngettext = django.ngettext;
    globals.gettext_noop = django.gettext_noop;
    globals.pgettext = django.pgettext;
    globals.npgettext = django.npgettext;
    globals.interpolate = django.interpolate;
    globals.get_format = django.get_format;

    django.jsi18n_initialized = true;
  }
};


                  }
                };
                LeadershipXBlocksI18N.init();
                global.LeadershipXBlocksI18N = LeadershipXBlocksI18N;
            }(this));
        