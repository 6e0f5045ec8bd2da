
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
    "(empty)": "(gwag)",
    "(this exercise)": "(yr ymarfer hwn)",
    "(yours)": "(eich un chi)",
    "({left} still to allocate)": "({left} ar \u00f4l i'w dyrannu)",
    "({needed} more needed)": "(angen {needed} arall)",
    "({over} over the limit)": "({over} dros y terfyn)",
    "({over} too many)": "({over} yn ormod)",
    "A new attempt has started.": "Mae ymgais newydd wedi dechrau.",
    "Add a choice": "Ychwanegu dewis",
    "Add a competency": "Ychwanegu cymhwysedd",
    "Add a step": "Ychwanegu cam",
    "Add a step to see the map.": "Ychwanegwch gam i weld y map.",
    "Add a step to try the scenario.": "Ychwanegwch gam i roi cynnig ar y senario.",
    "Add a {kind}": "Ychwanegu {kind}",
    "Add a {kind} to {parent}": "Ychwanegu {kind}: {parent}",
    "Add an effect": "Ychwanegu effaith",
    "Add an ending": "Ychwanegu diweddglo",
    "Added a {kind}.": "Ychwanegwyd {kind}.",
    "Agree to research use": "Cytuno i'w ddefnyddio ar gyfer ymchwil",
    "An unsaved draft of this content from {time} is kept in this browser.": "Mae drafft o'r cynnwys hwn o {time}, heb ei gadw, ar gael yn y porwr hwn.",
    "An unsaved draft of this scenario from {time} is kept in this browser.": "Mae drafft o'r senario hwn o {time}, heb ei gadw, ar gael yn y porwr hwn.",
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
    "Checked:": "Wedi gwirio:",
    "Choice": "Dewis",
    "Choice id": "Id y dewis",
    "Choice {n}: {label}": "Dewis {n}: {label}",
    "Choices": "Dewisiadau",
    "Choices at \"{title}\"": "Dewisiadau yn \"{title}\"",
    "Choices made at this step": "Dewisiadau a wnaed yn y cam hwn",
    "Choose a competency": "Dewiswch gymhwysedd",
    "Choose a mode": "Dewiswch ddull",
    "Choose a rating for this statement.": "Dewiswch radd ar gyfer y datganiad hwn.",
    "Choose a step or ending": "Dewiswch gam neu ddiweddglo",
    "Choose the model of leadership you espouse, or describe it in your own words.": "Dewiswch y model arwain rydych chi'n ei arddel, neu disgrifiwch ef yn eich geiriau eich hun.",
    "Choose whether your answer may be used for research.": "Dewiswch a gawn ni ddefnyddio eich ateb ar gyfer ymchwil.",
    "Close the facilitator dashboard": "Cau dangosfwrdd yr hwylusydd",
    "Cohort data is not available in this installation.": "Nid yw data'r garfan ar gael yn y gosodiad hwn.",
    "Cohort mean": "Cymedr y garfan",
    "Compared with your first rating, in \"{title}\".": "O gymharu \u00e2'ch gradd gyntaf, yn \"{title}\".",
    "Competencies": "Cymwyseddau",
    "Competency": "Cymhwysedd",
    "Competency id": "Id y cymhwysedd",
    "Competency {n}: {label}": "Cymhwysedd {n}: {label}",
    "Completed": "Wedi cwblhau",
    "Consent withdrawn: your answer is no longer used for research.": "Caniat\u00e2d wedi'i dynnu'n \u00f4l: nid yw eich ateb yn cael ei ddefnyddio ar gyfer ymchwil mwyach.",
    "Content note (shown before the first step)": "Nodyn cynnwys (a ddangosir cyn y cam cyntaf)",
    "Continue to the scenario": "Ymlaen i\u2019r senario",
    "Curves under the nodes are loops back; a dashed grey box cannot be reached; ! marks an error, ? a warning.": "Dolenni'n \u00f4l yw'r cromliniau o dan y nodau; ni ellir cyrraedd blwch llwyd toredig; mae ! yn dynodi gwall, a ? rybudd.",
    "Debrief": "\u00d4l-drafodaeth",
    "Decision mode": "Dull penderfynu",
    "Decision modes": "Dulliau penderfynu",
    "Decision modes at \"{title}\"": "Dulliau penderfynu yn \"{title}\"",
    "Decision modes at this step": "Dulliau penderfynu yn y cam hwn",
    "Decision {n} of {fewest} to {most}": "Penderfyniad {n} o {fewest} i {most}",
    "Decision {n} of {total}": "Penderfyniad {n} o {total}",
    "Decisions, step by step": "Penderfyniadau, gam wrth gam",
    "Delete": "Dileu",
    "Deleted the {kind}.": "Dil\u00ebwyd y {kind}.",
    "Dimension": "Dimensiwn",
    "Discard the draft": "Taflu'r drafft",
    "Draft last saved {when}.": "Cadwyd y drafft ddiwethaf {when}.",
    "Draft saved {when}.": "Cadwyd y drafft {when}.",
    "Duplicate": "Dyblygu",
    "Duplicated the {kind}.": "Dyblygwyd y {kind}.",
    "Each numbered circle is one decision, in order. The list \"Your route in words\" gives the same.": "Mae pob cylch \u00e2 rhif yn un penderfyniad, yn eu trefn. Mae'r rhestr \"Eich llwybr mewn geiriau\" yn rhoi'r un peth.",
    "Effect {n}": "Effaith {n}",
    "Effects on competencies": "Effeithiau ar gymwyseddau",
    "Ending": "Diweddglo",
    "Ending id": "Id y diweddglo",
    "Ending {n}: {title}": "Diweddglo {n}: {title}",
    "Ending: {title} ({id})": "Diweddglo: {title} ({id})",
    "Endings": "Diweddgloeon",
    "Endings (learners who finished an attempt: {n}; each one's latest counts)": "Diweddgloeon (dysgwyr a orffennodd gynnig: {n}; cynnig diweddaraf pob un sy'n cyfrif)",
    "Endings reached by learners": "Diweddgloeon a gyrhaeddwyd gan ddysgwyr",
    "Enter a number from 0 to {total} for each function.": "Rhowch rif o 0 i {total} ar gyfer pob swyddogaeth.",
    "Error": "Gwall",
    "Error:": "Gwall:",
    "Feedback": "Adborth",
    "Feedback on your decision": "Adborth ar eich penderfyniad",
    "Figures as of {time}.": "Ffigurau fel yr oeddent am {time}.",
    "Finished an attempt": "Wedi gorffen ymgais",
    "First": "Cyntaf",
    "Fit: no": "Addas: naddo",
    "Fit: not judged": "Addas: heb ei farnu",
    "Fit: yes": "Addas: do",
    "Fix the OLX before leaving this view: it is not well-formed XML.": "Cywirwch yr OLX cyn gadael yr olwg hon: nid yw'n XML wedi'i ffurfio'n dda.",
    "Fix the OLX first: it is not well-formed XML.": "Cywirwch yr OLX yn gyntaf: nid yw'n XML wedi'i ffurfio'n dda.",
    "Full screen": "Sgrin lawn",
    "Function": "Swyddogaeth",
    "HTML is allowed; it is cleaned when saved.": "Caniateir HTML; caiff ei lanhau wrth gadw.",
    "Hide details": "Cuddio'r manylion",
    "Hide the details of every step": "Cuddio manylion pob cam",
    "How much this step counts (1 by default).": "Faint mae'r cam hwn yn ei gyfrif (1 yn ddiofyn).",
    "How other learners answered": "Sut yr atebodd dysgwyr eraill",
    "How you divide your time": "Sut rydych chi'n rhannu eich amser",
    "How you matched your decisions to the situation": "Sut y gwnaethoch chi gydweddu eich penderfyniadau \u00e2'r sefyllfa",
    "How your competencies changed": "Sut newidiodd eich cymwyseddau",
    "How your ratings have changed": "Sut mae eich graddau wedi newid",
    "If the time runs out before you choose, the story moves on without your decision and it counts as a missed decision. You can pause the timer or switch it off at any time.": "Os daw'r amser i ben cyn i chi ddewis, bydd y stori'n symud ymlaen heb eich penderfyniad a bydd yn cyfrif fel penderfyniad a gollwyd. Gallwch oedi'r amserydd neu ei ddiffodd unrhyw bryd.",
    "Introduction": "Cyflwyniad",
    "Item": "Eitem",
    "Keep the authored order of choices": "Cadw trefn y dewisiadau fel y'u hysgrifennwyd",
    "Key to the map": "Allwedd y map",
    "Label": "Label",
    "Leads to": "Yn arwain at",
    "Learners": "Dysgwyr",
    "Learners: {count} ({share}). {steps} \u2192 ending: {ending}": "Dysgwyr: {count} ({share}). {steps} \u2192 diweddglo: {ending}",
    "Leave empty for no time limit.": "Gadewch yn wag i beidio \u00e2 chael terfyn amser.",
    "Made at least one decision": "Wedi gwneud o leiaf un penderfyniad",
    "Mean": "Cymedr",
    "Mean change": "Newid cymedrig",
    "Mean competency profile (learners: {n})": "Proffil cymwyseddau cymedrig (dysgwyr: {n})",
    "Mean time to decide: {seconds} s.": "Amser cymedrig i benderfynu: {seconds} eiliad.",
    "Measure": "Mesur",
    "Mode": "Dull",
    "Mode: {mode}": "Dull: {mode}",
    "Modes this moment demands": "Y dulliau y mae'r eiliad hon yn eu gofyn",
    "Most common paths": "Y llwybrau mwyaf cyffredin",
    "Move": "Symud",
    "Move down": "Symud i lawr",
    "Move to": "Symud i",
    "Move up": "Symud i fyny",
    "Moved the {kind} down.": "Symudwyd y {kind} i lawr.",
    "Moved the {kind} up.": "Symudwyd y {kind} i fyny.",
    "Name": "Enw",
    "No answers yet.": "Dim atebion eto.",
    "No decision: counted as a miss": "Dim penderfyniad: yn cyfrif fel methiant",
    "No learner has reached an ending yet.": "Does dim dysgwr wedi cyrraedd diweddglo eto.",
    "No problems found.": "Ni chanfuwyd unrhyw broblemau.",
    "No timeout branch": "Dim cangen terfyn amser",
    "No, keep this attempt": "Na, cadw'r ymgais hon",
    "Not saved.": "Heb ei gadw.",
    "Not saved: fix these problems first. Your work is still here.": "Heb ei gadw: cywirwch y problemau hyn yn gyntaf. Mae eich gwaith yma o hyd.",
    "Nothing in particular": "Dim byd penodol",
    "Nothing saved yet.": "Dim wedi'i gadw eto.",
    "Now": "Nawr",
    "One bar per answer, as a share of the learners. Your own answer is hatched and marked \"(yours)\". The table that follows gives the same figures.": "Un bar ar gyfer pob ateb, fel cyfran o'r dysgwyr. Mae eich ateb chi wedi'i groeslinellu a'i nodi \"(eich un chi)\". Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "One bar per function, in per cent of your working time. The table that follows gives the same figures.": "Un bar ar gyfer pob swyddogaeth, fel canran o'ch amser gwaith. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Open the facilitator dashboard": "Agor dangosfwrdd yr hwylusydd",
    "Others": "Eraill",
    "Others, mean (%)": "Eraill, cymedr (%)",
    "Pause the timer": "Oedi'r amserydd",
    "Pause updates": "Seibio diweddariadau",
    "Play from here": "Chwarae o'r fan hon",
    "Play the scenario as it is in the editor, from any step. Nothing is saved and no learner data is written.": "Chwaraewch y senario fel y mae yn y golygydd, o unrhyw gam. Does dim yn cael ei gadw a does dim data dysgwyr yn cael ei ysgrifennu.",
    "Points": "Pwyntiau",
    "Points: {points}": "Pwyntiau: {points}",
    "Present results to the group": "Cyflwyno'r canlyniadau i'r gr\u0175p",
    "Preview": "Rhagolwg",
    "Preview, cleaned as it will be saved:": "Rhagolwg, wedi'i lanhau fel y caiff ei gadw:",
    "Recover the draft": "Adfer y drafft",
    "Reflection": "Myfyrdod",
    "Research use of your answer": "Defnyddio eich ateb ar gyfer ymchwil",
    "Results appear once at least {minimum} learners have answered.": "Bydd y canlyniadau'n ymddangos ar \u00f4l i o leiaf {minimum} o ddysgwyr ateb.",
    "Resume the timer": "Ailddechrau'r amserydd",
    "Resume updates": "Ailddechrau diweddaru",
    "Route map: your {n} decision and your ending": [
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo",
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo",
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo",
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo",
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo",
      "Map o'ch llwybr: eich {n} penderfyniad a'ch diweddglo"
    ],
    "Saved a draft or submitted": "Wedi cadw drafft neu gyflwyno",
    "Saved.": "Wedi'i gadw.",
    "Saving": "Wrthi'n cadw",
    "Saving your answer...": "Wrthi'n cadw eich ateb...",
    "Saving your choice...": "Wrthi'n cadw eich dewis...",
    "Saving your draft...": "Wrthi'n cadw eich drafft...",
    "Saving your ratings...": "Wrthi'n cadw eich graddau...",
    "Saving\u2026": "Wrthi'n cadw\u2026",
    "Score distribution (learners with a score: {n}; mean {mean})": "Dosbarthiad sgoriau (dysgwyr \u00e2 sg\u00f4r: {n}; cymedr {mean})",
    "Score for this attempt: {score}. Your best: {best}.": "Sg\u00f4r yr ymgais hon: {score}. Eich sg\u00f4r orau: {best}.",
    "Score from 0 to 1": "Sg\u00f4r o 0 i 1",
    "Settings": "Gosodiadau",
    "Share": "Cyfran",
    "Share of working time by function": "Cyfran o'r amser gwaith fesul swyddogaeth",
    "Show details": "Dangos y manylion",
    "Show the details of every step": "Dangos manylion pob cam",
    "Show {id}": "Dangos {id}",
    "Situation": "Sefyllfa",
    "Something went wrong. Please try again.": "Aeth rhywbeth o'i le. Rhowch gynnig arall arni.",
    "Start a new attempt": "Dechrau ymgais newydd",
    "Start a new attempt? The decisions you have made in this attempt will be cleared. Your best score is kept.": "Dechrau ymgais newydd? Bydd y penderfyniadau rydych wedi'u gwneud yn yr ymgais hon yn cael eu clirio. Bydd eich sg\u00f4r orau yn cael ei chadw.",
    "Start from": "Dechrau o",
    "Start the timer": "Dechrau'r amserydd",
    "Started": "Wedi dechrau",
    "Step": "Cam",
    "Step id": "Id y cam",
    "Step to show": "Cam i'w ddangos",
    "Step {n}: {title}": "Cam {n}: {title}",
    "Step: {title} ({id})": "Cam: {title} ({id})",
    "Steps": "Camau",
    "Steps and endings on the map": "Camau a diweddgloeon ar y map",
    "Stop presenting": "Rhoi'r gorau i gyflwyno",
    "Submitted a reflection": "Wedi cyflwyno myfyrdod",
    "Submitted an answer": "Wedi cyflwyno ateb",
    "Submitted their ratings": "Wedi cyflwyno eu graddau",
    "Submitted {when}.": "Cyflwynwyd {when}.",
    "Submitting your reflection...": "Wrthi'n cyflwyno eich myfyrdod...",
    "Switch the timer off": "Diffodd yr amserydd",
    "Text": "Testun",
    "Texts around the scenario": "Testunau o amgylch y senario",
    "Thank you: your answer may now be used for research.": "Diolch: caiff eich ateb ei ddefnyddio ar gyfer ymchwil o hyn ymlaen.",
    "The changes could not be saved.": "Doedd dim modd cadw'r newidiadau.",
    "The draft is back in the editor. Save to keep it.": "Mae'r drafft yn \u00f4l yn y golygydd. Dewiswch Cadw i'w gadw.",
    "The draft was discarded.": "Cafodd y drafft ei daflu.",
    "The leadership model you espouse: {model}": "Y model arwain rydych chi'n ei arddel: {model}",
    "The map shows again when the OLX is well formed.": "Bydd y map yn ymddangos eto pan fydd yr OLX wedi'i ffurfio'n dda.",
    "The mean is of {count} other learner who agreed to research use.": [
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} ddysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil.",
      "Mae'r cymedr yn seiliedig ar {count} dysgwr arall a gytunodd i'w ddefnyddio ar gyfer ymchwil."
    ],
    "The mean of other learners appears here once at least {minimum} of them have answered and agreed to research use.": "Bydd cymedr dysgwyr eraill yn ymddangos yma ar \u00f4l i o leiaf {minimum} ohonyn nhw ateb a chytuno i'w ddefnyddio ar gyfer ymchwil.",
    "The moment demanded: {modes}": "Roedd yr eiliad yn galw am: {modes}",
    "The preview appears after the next check.": "Mae'r rhagolwg yn ymddangos ar \u00f4l y gwiriad nesaf.",
    "The scenario has {count} error(s): learners cannot play it until they are fixed.": "Mae gan y senario {count} gwall: ni all dysgwyr ei chwarae nes eu bod wedi'u cywiro.",
    "The server could not be reached. Check your connection and try again.": "Doedd dim modd cysylltu \u00e2'r gweinydd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.",
    "The server could not be reached. Your work is kept as a draft in this browser.": "Doedd dim modd cysylltu \u00e2'r gweinydd. Mae eich gwaith wedi'i gadw fel drafft yn y porwr hwn.",
    "The timer is off. Take the time you need.": "Mae'r amserydd wedi'i ddiffodd. Cymerwch yr amser sydd ei angen arnoch chi.",
    "The two self-assessments have no dimensions in common.": "Does gan y ddau hunanasesiad ddim dimensiynau'n gyffredin.",
    "There is a problem": "Mae yna broblem",
    "This browser could not keep a draft.": "Doedd y porwr hwn ddim yn gallu cadw drafft.",
    "This decision has a time limit of {seconds} seconds. The clock only runs once you start it: if you do not start it, there is no limit.": "Mae terfyn amser o {seconds} eiliad ar y penderfyniad hwn. Dim ond ar \u00f4l i chi ei ddechrau y bydd y cloc yn rhedeg: os na fyddwch yn ei ddechrau, does dim terfyn.",
    "This is your first rating. A later self-assessment in this course will show how your ratings have changed since.": "Dyma'ch gradd gyntaf. Bydd hunanasesiad diweddarach yn y cwrs hwn yn dangos sut mae eich graddau wedi newid ers hynny.",
    "This scenario has no steps.": "Does dim camau yn y senario hwn.",
    "This step demands: {mode}.": "Mae'r cam hwn yn galw am: {mode}.",
    "Time left: {time}": "Amser ar \u00f4l: {time}",
    "Time limit in seconds": "Terfyn amser mewn eiliadau",
    "Time ran out": "Daeth yr amser i ben",
    "Time ran out before you decided.": "Daeth yr amser i ben cyn i chi benderfynu.",
    "Timeout": "Terfyn amser",
    "Timeouts taken in all steps: {n}.": "Amser wedi dod i ben ym mhob cam: {n}.",
    "Timer paused": "Amserydd wedi'i oedi",
    "Timer started: {seconds} seconds left.": "Mae'r amserydd wedi dechrau: {seconds} eiliad ar \u00f4l.",
    "Title": "Teitl",
    "Total: {sum} of {total}": "Cyfanswm: {sum} o {total}",
    "Two bars per dimension: \"First\" (dashed outline) and \"Now\" (solid), on a scale {range}. The table that follows gives the same figures.": "Dau far ar gyfer pob dimensiwn: \"Cyntaf\" (amlinell doredig) a \"Nawr\" (solet), ar raddfa {range}. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Two bars per function: \"You\" (solid) and \"Others\", the mean of the other learners (dashed outline), in per cent of working time. The table that follows gives the same figures.": "Dau far ar gyfer pob swyddogaeth: \"Chi\" (solet) ac \"Eraill\", cymedr y dysgwyr eraill (amlinell doredig), fel canran o'r amser gwaith. Mae'r tabl sy'n dilyn yn rhoi'r un ffigurau.",
    "Unable to update settings": "Methu diweddaru'r gosodiadau",
    "Undo my last decision": "Dadwneud fy mhenderfyniad olaf",
    "Updated at {time}.": "Diweddarwyd am {time}.",
    "Updates are paused.": "Mae'r diweddariadau wedi'u seibio.",
    "Updates every few seconds.": "Yn diweddaru bob ychydig eiliadau.",
    "Used by ending scoring; leave empty for none.": "Fe'i defnyddir wrth sgorio yn \u00f4l y diweddglo; gadewch yn wag os nad oes sg\u00f4r.",
    "Used by path scoring.": "Fe'i defnyddir wrth sgorio'r llwybr.",
    "Value (a whole number)": "Gwerth (rhif cyfan)",
    "Warning": "Rhybudd",
    "Warning:": "Rhybudd:",
    "Weight": "Pwysiad",
    "What do you do?": "Beth ydych chi'n ei wneud?",
    "What experienced supervisors notice here": "Beth mae goruchwylwyr profiadol yn sylwi arno yma",
    "When time runs out, go to": "Pan ddaw'r amser i ben, ewch i",
    "Where your decisions led": "I ble arweiniodd eich penderfyniadau",
    "Withdraw my consent": "Tynnu fy nghaniat\u00e2d yn \u00f4l",
    "Yes, start a new attempt": "Ie, dechrau ymgais newydd",
    "You": "Chi",
    "You (%)": "Chi (%)",
    "You chose: {label}": "Eich dewis: {label}",
    "You have agreed that your anonymised answer may be used for research.": "Rydych chi wedi cytuno y caiff eich ateb dienw ei ddefnyddio ar gyfer ymchwil.",
    "You have used all your attempts.": "Rydych chi wedi defnyddio eich holl ymgeisiau.",
    "Your answer": "Eich ateb",
    "Your answer has been saved.": "Mae eich ateb wedi'i gadw.",
    "Your answer is used only for your own view.": "Dim ond ar gyfer eich golwg eich hun y caiff eich ateb ei ddefnyddio.",
    "Your average rating per dimension ({range})": "Eich gradd gyfartalog fesul dimensiwn ({range})",
    "Your competency profile beside the cohort mean": "Proffil eich cymwyseddau ochr yn ochr \u00e2 chymedr y garfan",
    "Your ending beside the cohort": "Eich diweddglo chi ochr yn ochr \u00e2'r garfan",
    "Your first and latest average rating per dimension": "Eich gradd gyfartalog gyntaf a diweddaraf fesul dimensiwn",
    "Your last decision was undone.": "Cafodd eich penderfyniad olaf ei ddadwneud.",
    "Your leadership profile": "Eich proffil arwain",
    "Your profile: average rating per dimension": "Eich proffil: gradd gyfartalog fesul dimensiwn",
    "Your ratings have been saved.": "Mae eich graddau wedi'u cadw.",
    "Your reflection has been submitted.": "Mae eich myfyrdod wedi'i gyflwyno.",
    "Your route": "Eich llwybr",
    "Your route in words": "Eich llwybr mewn geiriau",
    "Your shares add up to {sum}: they must add up to {total}.": "Cyfanswm eich cyfrannau yw {sum}: rhaid iddo fod yn {total}.",
    "Your submitted reflection": "Y myfyrdod a gyflwynoch",
    "Your time beside the mean of other learners": "Eich amser chi ochr yn ochr \u00e2 chymedr dysgwyr eraill",
    "choice": "dewis",
    "competency": "cymhwysedd",
    "down {value}": "i lawr {value}",
    "draft": "drafft",
    "effect": "effaith",
    "ending": "diweddglo",
    "from {min} to {max}": "o {min} i {max}",
    "loops back": "dolen yn \u00f4l",
    "no answers yet": "dim atebion eto",
    "no change": "dim newid",
    "no mode": "dim dull",
    "not reachable from the first step": "ni ellir ei gyrraedd o'r cam cyntaf",
    "step": "cam",
    "strengthened": "wedi cryfhau",
    "submitted": "wedi'i gyflwyno",
    "unchanged": "heb newid",
    "up {value}": "i fyny {value}",
    "weakened": "wedi gwanhau",
    "{caption}: the figures as a table": "{caption}: y ffigurau fel tabl",
    "{change} on this route: {words}. Routes through this scenario give from {low} to {high}.": "{change} ar y llwybr hwn: {words}. Mae llwybrau drwy'r senario hwn yn rhoi rhwng {low} a {high}.",
    "{count} problem(s)": "{count} problem",
    "{count} problem(s) about the whole scenario: see Problems.": "{count} problem am y senario cyfan: gweler Problemau.",
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
    "{errors} error(s), {warnings} warning(s).": "{errors} gwall, {warnings} rhybudd.",
    "{id} (not found)": "{id} (heb ei ganfod)",
    "{item} moved to {kind} \u201c{title}\u201d.": "Symudwyd {item} i'r {kind} \u201c{title}\u201d.",
    "{item} moved to {parent}.": "Symudwyd {item} i {parent}.",
    "{item} of {parent}": "{item} ({parent})",
    "{kind} {number}": "{kind} {number}",
    "{list} of {parent}": "{list} ({parent})",
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
    "{share} ({n} learner)": [
      "{share} ({n} dysgwr)",
      "{share} ({n} dysgwr)",
      "{share} ({n} dysgwr)",
      "{share} ({n} dysgwr)",
      "{share} ({n} dysgwr)",
      "{share} ({n} dysgwr)"
    ],
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
        