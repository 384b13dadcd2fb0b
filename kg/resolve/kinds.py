"""What kind of organisation a name is, from its legal or administrative form.

"Comune di Bologna", "Stadt Köln", "Lunds kommun" and "City of Lyon" are
municipalities; "Universität Bonn" and "Uppsala universitet" universities;
"Acme GmbH" and "Exempel AB" companies; "Fundación X" and "X e.V." non-profits.
No registry is needed: the words are the same on every site written in these
languages (sv, en, fr, de, es, ca, it, nl, da, no, fi, pt). The table is the one
place to add a word; :func:`kind_of` reads it in order, the first kind that
matches wins, and a name no pattern matches has no kind rather than a guess.

:func:`place_core` gives the place a municipality or region is named after
("Ville de Lyon" → ``lyon``), so that its spellings in several languages can be
recognised as one organisation (and a university of the same town never is).
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from kg.fold import HANGUL, CharTable, ascii_fold, cjk_key, has_cjk, latin

# Words are matched on the name folded to lower-case ASCII, as whole words.
# "^" patterns must start the name, "$" patterns end it; others may stand anywhere.
_INTERGOVERNMENTAL = (
    r"european commission",
    r"commission europeenne",
    r"europaische kommission",
    r"comision europea",
    r"commissione europea",
    r"europeiska kommissionen",
    r"europese commissie",
    r"european union",
    r"europeiska unionen",
    r"union europeenne",
    r"europaische union",
    r"european parliament",
    r"europaparlamentet",
    r"parlement europeen",
    r"council of europe",
    r"conseil de l europe",
    r"europaradet",
    r"united nations",
    r"forenta nationerna",
    r"nations unies",
    r"vereinte nationen",
    r"naciones unidas",
    r"nazioni unite",
    r"un habitat",
    r"unesco",
    r"unicef",
    r"undp",
    r"oecd",
    r"ocde",
    r"world bank",
    r"varldsbanken",
    r"nordic council",
    r"nordiska radet",
    r"nordiska ministerradet",
    r"nordic council of ministers",
    r"european committee of the regions",
    r"committee of the regions",
    r"regionkommitten",
    r"european investment bank",
    r"world health organization",
    r"council of the european union",
    r"euregio\w*",
    r"euroregio\w*",
    r"nordens \w*(senter|center|centrum|institutt?|hus)",
    r"nordic \w+ cent(re|er)",
    r"nordregio",
)
KIND_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("intergovernmental", tuple(rf"^{p}$|^{p} |^the {p}" for p in _INTERGOVERNMENTAL)),
    (
        "university",
        (
            r"\bvisvvidyaly\w*",  # Indic scripts, as anyascii writes them: विश्वविद्यालय
            r"\bbisbbidyaly\w*",  # বিশ্ববিদ্যালয়
            r"\bvidyapith\b",
            r"\bplklaikklk\w*",  # பல்கலைக்கழகம்
            r"\bsrvklasal\w*",
            r"\byunivrsiti\b",
            r"\bhamalsaran\w*",  # Armenian համալսարան
            r"\buniversitet(i|is)\b",  # Georgian უნივერსიტეტი
            r"\bschool of (economics|management|business|government|public policy)\b",
            r"panepistimi\w*",
            r"universytet\w*",
            r"politekhnik\w*",
            r"polytechneio",
            r"\buniversi(t|d)\w*",
            r"yliopisto",
            r"hogskola(n)?",
            r"hochschule",
            r"fachhochschule",
            r"politecnico",
            r"polytechnic",
            r"institute of technology",
            r"tekniska hogskolan",
            r"^college of",
            r" college$",
            r"^ecole (normale|polytechnique|nationale|superieure)",
            r"sciences po",
            r"ammattikorkeakoulu",
            r"hogeschool",
            r"universitat",
            r"\buniwersytet\w*",
            r"\buniverzit\w*",
            r"\buniverza\b",
            r"\buniversitatea\b",
            r"egyetem\w*",
            r"\bhaskol\w*",
            r"\bhogskul(e|en|ens)\b",
            r"\bhogskole(n|ns)?\b",
            r"\bulikool\w*",
            r"\bpolitechnika\b",
            r"\bpolitecnica\b",
            r"\bpolitehnica\b",
            r"\bvysoke uceni\b",
            r"\bvysoka skola\b",
            r"\bakademi$",
            r"^escola superior\b",
            r"\bszkola glowna\b",
            r"\bkorkeakoulu\b",
            r"\bhaskoli\b",
            r"\buniversitesi\b",
            r"\bteknik universitesi\b",
            r"\bsveuciliste\b",
            r"^chuo kikuu\b",
            r"^institut (teknologi|pertanian|seni)\b",
            r"\bunyversytet\w*",
            r"\bunyverzytet\w*",
            r"\buniverzitet\w*",
            r"^(truong )?dai hoc\b",
            r"^hoc vien\b",
        ),
    ),
    (
        "research-institute",
        (
            r"research (institute|centre|center|council)",
            r"forskningsinstitut(et)?",
            r"forschungs\w*",
            r"\w+forskning$",
            r"\binstitut(e|o|et)? (of|for|fur|de|di|voor|du|d)\b",
            r"^(fraunhofer|max planck|helmholtz|leibniz)\b",
            r"\binstitut(e|et)?$",
            r"^instituto\b",
            r"^istituto\b",
            r"^institut\b",
            r"think tank",
            r"observator(y|io|ium)",
            r"centre national de la recherche",
            r"laboratorio\b",
            r"research$",
            r"^instytut\b",
            r"^ustav\b",
            r"^instituut\b",
            r"\binstitutt(et)?$",
            r"\binstituutti$",
            r"\bintezet\w*",
            r"^institutas\b",
            r"^instituts\b",
            r"\btutkimuskeskus\b",
            r"\bforskningssenter\b",
            r"\bakademi[ae] (vied|ved)\b",
            r"\bacademy of sciences\b",
            r"\btudomanyos akademia\b",
            r"^academia romana\b",
            r"\bustav\b",
        ),
    ),
    (
        "region",
        (
            r"\bmtavroba$",  # Georgian მთავრობა (a government: "აჭარის … მთავრობა")
            r"\bzill?a (parishad|panchayat)\b",
            r"\bdistrict panchayat\b",
            r"\bjilh?a prisd\b",  # जिला/जिल्हा परिषद
            r"\bjela prisd\b",
            r"\bmavtt uratci\b",
            r"\bmarzpetaran\w*",  # Armenian մարզպետարան
            r"\bcombined authority$",
            r"^pemerintah (provinsi|kabupaten)\b",
            r"^(serikali ya )?kaunti ya\b",
            r"\bprovincial government$",
            r"^pemprov\b",
            r"^pemkab\b",
            r"\bstate government$",
            r"\boblasna (derzhavna administratsiia|rada)\b",
            r"^perifereia\b",
            r"^region\b",
            r"regionen$",
            r"^regione\b",
            r"^region de\b",
            r"^region d\b",
            r"^la region\b",
            r"^conseil (regional|departemental)\b",
            r"^departement\b",
            r"^provincia (di|de|del)\b",
            r"^province (of|de)\b",
            r"^provincie\b",
            r"^diputacion\b",
            r"^diputacio\b",
            r"^generalitat\b",
            r"^comunidad (de|autonoma)\b",
            r"^comunitat\b",
            r"^landkreis\b",
            r"^kreis\b",
            r"^bezirk\b",
            r"^land (berlin|brandenburg|hessen|\w+)$",
            r"^freistaat\b",
            r"^bundesland\b",
            r"landsting(et)?$",
            r"^county of\b",
            r"county council$",
            r"^county\b",
            r"fylkeskommune$",
            r"^fylke\b",
            r"maakunta$",
            r"maakuntaliitto$",
            r"^regio\b",
            r"^regionale\b",
            r"^provinz\b",
            r"^canton (de|of)\b",
            r"^kanton\b",
            r"^voivodeship\b",
            r"regional council$",
            r"^state of\b",
            r"^wojewodztwo\b",
            r"\bwojewodztwa\b",
            r"^urzad marszalkowski\b",
            r"^powiat\b",
            r"\bkraj$",
            r"^krajsky urad\b",
            r"\bsamospravny kraj\b",
            r"\bmaakond$",
            r"\bmaakonna\b",
            r"\bapskritis$",
            r"\bmegye$",
            r"\bvarmegye\w*",
            r"\bmegyei (onkormanyzat|kozgyules)\w*",
            r"^judetul\b",
            r"^consiliul judetean\b",
            r"^regiao\b",
            r"^comunidade intermunicipal\b",
            r"\bhyvinvointialue\w*",
            r"\bzupanija$",
            r"^regija\b",
            r"^perifereia\b",
            r"\bregionsrad(et)?$",
            r"\bprefecture$",
            r"\bcounty$",
            r"^estado (de|do|da)\b",
            r"^prefecture of\b",
            r"\bil ozel idaresi$",
        ),
    ),
    (
        "municipality",
        (
            r"\b(municipal|city) corporation\b",  # India's and Bangladesh's cities
            r"^corporation of (greater )?\w+",
            r"^greater \w+ corporation$",
            r"\bnagar (nigam|palika|panchayat|parishad)\b",
            r"\bmaha ?nagar ?palika\b",
            r"\bmahanagara palike\b",
            r"\bpalike$",
            r"\bgrama? panchayat\b",
            r"\bmhangr ?palik[ae]\b",  # महानगरपालिका, ಮಹಾನಗರ ಪಾಲಿಕೆ
            r"\bngr nigm\b",
            r"\bngr ?palika\b",
            r"\b(ngr|gram) pmcayt\b",
            r"\b(ma)?nkratci\b",  # மாநகராட்சி, நகராட்சி
            r"\bperuratci\b",
            r"\bpaur(smstha|sbha|nigm)\b",  # পৌরসংস্থা, পৌরসভা
            r"\bngrsbh\w?\b",
            r"\bngrpalk\b",
            r"\bmuni?sipp?l (korppresn|karporesn)\b",
            r"\bmeria\b",  # Georgian მერია (city hall)
            r"\bsakrebulo\b",  # საკრებულო (the council)
            r"\bmunitsipaliteti\b",
            r"\b(kaghaka|hamaynka)petaran\w*",  # Armenian քաղաքապետարան, համայնքապետարան
            r"\b(seher |rayon )?icra hakimiyyeti\w*",  # Azerbaijani Şəhər İcra Hakimiyyəti
            r"\bbelediyyesi\b",
            r"^(the )?(city|town|municipality|borough|village) (of|council of)\b",
            r"city council$",
            r"\bparish council$",
            r"^parish of\b",
            r"\bcommunity council$",
            r"town council$",
            r"city hall$",
            r"(city|town|borough|district) council\b",
            r"^(la )?ville (de|d)\b",
            r"^mairie (de|d)\b",
            r"^commune (de|d)\b",
            r"^metropole\b",
            r"\bmetropole$",
            r"^eurometropole\b",
            r"\bmetropolis$",
            r"^communaute (d agglomeration|de communes|urbaine)\b",
            r"^(landeshaupt)?stadt\b",
            r"^stadtverwaltung\b",
            r"^gemeinde\b",
            r"^marktgemeinde\b",
            r"^samtgemeinde\b",
            r"^(l )?ajuntament\b",
            r"^ayuntamiento\b",
            r"^concello\b",
            r"^comune (di|de)\b",
            r"^citta (di|de)\b",
            r"^municipio\b",
            r"^municipalidad\b",
            r"^camara municipal\b",
            r"^prefeitura\b",
            r"\bmayor s office$",
            r"^dimos\b",
            r"\b(miska|silska|selyshchna) rada$",
            r"\bmiska (derzhavna |viiskova )?administratsiia\b",
            r"^alcaldia (mayor |local |municipal )?(de|del)\b",
            r"^intendencia (municipal )?de\b",
            r"^municipalidad (distrital |provincial )?de\b",
            r"^gobierno (autonomo municipal|municipal) de\b",
            r"^gobierno de la ciudad (autonoma )?de\b",
            r"^(the )?(london |royal |metropolitan )?borough of\b",
            r"^(the )?city and county of\b",
            r"^gemeente\b",
            r"^stad\b",
            r"kommun$",
            r"kommune$",
            r"\bstad$",
            r"stads?delsforvaltning(en)?\b",
            r"^stadsdelsforvaltning",
            r"kaupunki$",
            r"\bkunta$",
            r"municipality$",
            r"^municipality\b",
            r"^municipal\b",
            r"^(the )?mayor'?s office\b",
            r"byradsavdelning",
            r"bydel\b",
            r"\bkommunen$",
            r"\bbelediyesi$",
            r"\bbuyuksehir belediyesi$",
            r"\bsveitarfelag\w*",
            r"^junta de freguesia\b",
            r"^freguesia\b",
            r"^municipio de\b",
            r"^concelho\b",
            r"^urzad (miasta|gminy|m st)\b",
            r"^gmina\b",
            r"^miasto\b",
            r"^miasto stoleczne\b",
            r"^statutarni mesto\b",
            r"^magistrat\b",
            r"^mestsky urad\b",
            r"^mesto\b",
            r"^obec\b",
            r"^hlavn[ie] mesto\b",
            r"^mestska cast\b",
            r"^mestsky obvod\b",
            r"\bcity district$",
            r"^city district of\b",
            r"\w{3,}urborg$",
            r"\blinnavalitsus$",
            r"\bvallavalitsus$",
            r"\blinn$",
            r"\bvald$",
            r"\bpasvaldiba$",
            r"\bnovada\b",
            r"\bnovads$",
            r"\bsavivaldybe$",
            r"\bonkormanyzat\w*",
            r"\bpolgarmesteri hivatal\w*",
            r"^primaria\b",
            r"^municipiul\b",
            r"^consiliul local\b",
            r"^grad\b",
            r"^mestna obcina\b",
            r"^obcina\b",
            r"^dimos\b",
            r"\budala$",
            r"^(the )?(city|town|municipal) (government|administration|office)\b",
            r"\bcity (government|administration)$",
            r"\bcity office$",
            r"\bmetropolitan government$",
            r"^opcina\b",
            r"^opstina\b",
            r"\bobshchyna\b",
            r"^opshtyna\b",
            r"^(uy ban nhan dan|ubnd)( thanh pho| tp| quan| huyen| tinh)?\b",
            r"^pemerintah kota\b",
            r"\bpeople s committee$",
            r"\bmetropolitan administration$",
            r"^pemkot\b",
            r"^majlis (bandaraya|perbandaran|daerah)\b",
            r"\b(metropolitan|municipal|district) assembly$",
            r"\bbuyuksehir belediyesi$",
        ),
    ),
    (
        "agency",
        (
            r"^public defender\b",
            r"\bombuds(man|men|person)\b",
            r"\bmmtraly\w*",  # मंत्रालय
            r"\bamaicckm\b",
            r"\bmntrnaly\w*",
            r"\bpradhikrn\b",
            r"\bwater supply and sewerage board\b",
            r"\bsaministro\b",  # Georgian სამინისტრო
            r"\bsaagento\b",
            r"\bnakhararowtyown\w*",  # Armenian նախարարություն
            r"\bnazirliyi\w*",  # Azerbaijani
            r"\bagentliyi\w*",
            r"\bnhs\b",
            r"\b(foreign|home|cabinet|development|commonwealth|scotland|wales) office$",
            r"^ypourgeio\b",
            r"^ministerstvo\b",
            r"\bministr(y|ies)\b",
            r"\bminister(e|io|ie|ium|iet)\b",
            r"bundesministerium",
            r"^bundes(zentrale|amt|anstalt|agentur)\b",
            r"^landes(amt|zentrale|anstalt|agentur)\b",
            r"^senatsverwaltung\b",
            r"departementet$",
            r"\bmyndighet(en)?\b",
            r"verket$",
            r"styrelsen$",
            r"\bagency\b",
            r"^confederacion hidrografica\b",
            r"\bagence\b",
            r"\bagencia\b",
            r"\bagenzia\b",
            r"\bagentschap\b",
            r"\bbehorde\b",
            r"\bbundesamt\b",
            r"\blandesamt\b",
            r"\bauthority\b",
            r"\bautorite\b",
            r"\bautoridad\b",
            r"\binspectorate\b",
            r"^kementerian\b",
            r"\bvaliligi$",
            r"\bkaymakamligi$",
            r"^dinas\b",
            r"^badan\b",
            r"^(so|bo) (thong tin|ke hoach|tai chinh|noi vu|xay dung|giao duc)\b",
            r"^mynysterstvo\b",
            r"^ministrstvo\b",
            r"(?<!city )(?<!town )(?<!municipal )(?<!metropolitan )\badministration$",
            r"\bpublic (works|library|libraries|health)$",
            r"\b(school|transit|water|sanitation|utility|fire|park|parks) district$",
            r"\btransit (authority|agency)\b",
            r"^(the )?office (of|for)\b",
            r"^(the )?department (of|for)\b",
            r"\bdepartment of\b",
            r"\bdirectorate\b",
            r"^(the )?government of\b",
            r"\bgouvernement\b",
            r"\bregierung\b",
            r"\bregeringen?\b",
            r"\bgobierno\b",
            r"\bgoverno\b",
            r"\bregering\b",
            r"\bparliament\b",
            r"\briksdag(en)?\b",
            r"\bbundestag\b",
            r"\bsenate\b",
            r"\bsenat\b",
            r"\bombudsman\b",
            r"\bcommission$",
            r"\bcommissione\b",
            r"commissie$",
            r"\bkommission$",
            r"\bcomision\b",
            r"^(the )?(national|federal) \w+ (board|service|office)\b",
            r"\blansstyrelse(n)?\b",
            r"\bsecretaria\b",
            r"\bconsejeria\b",
            r"\bconselleria\b",
            r"\bpolice\b",
            r"\bpolis(en)?$",
            r"\bbakanligi$",
            r"\bbaskanligi$",
            r"\bmudurlugu$",
            r"\bstofnun$",
            r"\bministerstw[oa]\b",
            r"\bministerstvo\b",
            r"\bministeerium\b",
            r"\bministerio\b",
            r"\bministerio\w*",
            r"\bministerie\b",
            r"\bministeri[oö]\w*",
            r"\bminiszterium\b",
            r"\bministerul\b",
            r"\bministarstvo\b",
            r"\bministerija\b",
            r"\bministrija\b",
            r"\briigikantselei\b",
            r"\bkantselei\b",
            r"\bkanceleja\b",
            r"\bvaltioneuvosto\w*",
            r"\bvirasto$",
            r"^direcao geral\b",
            r"^direccion general\b",
            r"^direction generale\b",
            r"^urzad\b",
            r"^urad\b",
            r"\bagencja\b",
            r"\bagentura\b",
            r"\bagencija\b",
            r"\bagentura\b",
            r"\bagentia\b",
            r"\bagenturas?\b",
            r"\bhivatal$",
            r"\byuan$",
            r"\bdigital service$",
            r"direktorat(et)?$",
            r"\w*tilsyn(et)?$",
            r"\bamet$",
            r"^statsforvalt(ar|er)en\b",
            r"\w+stofnun$",
            r"miniszterium\w*",
            r"\bkanselli\w*",
            r"\bvirasto\w*",
        ),
    ),
    (
        "funder",
        (
            r"\bfund$",
            r"\w+sjodur\b",
            r"\bfondas$",
            r"\bnadacni fond\b",
            r"\bfunds$",
            r"\bfonds$",
            r"\bfonden$",
            r"\bfondo\b",
            r"\bfondazione cariplo\b",
            r"grant(s)? (programme|program)",
            r"\bresearch council\b",
            r"\bforskningsradet\b",
            r"\bvetenskapsradet\b",
            r"\bforskningsrad\b",
            r"\bfoundation for\b.*\bresearch\b",
            r"\bdevelopment bank$",
            r"\bfonu$",
            r"^banco (\w+ )?de desarrollo\b",
            r"^banque (\w+ )?de developpement\b",
            r"\bentwicklungsbank\b",
        ),
    ),
    (
        "company",
        (
            r"\bi k e$",
            r"^tov\b",
            r"\btov$",
            r"^(ooo|pao|oao|zao)\b",  # Russian companies: ООО «…», ПАО «…»
            r"\bepe$",
            r"\bconsult(ing|ancy|ants?)\b",
            r"\bkonsult(er|erna|bolag)?\b",
            r"\bgroup$",
            r"\bholding\b",
            r"\bcooperative\b",
            r"\bkooperativ(et)?\b",
            r"\bcooperativa\b",
            r"\bcooperative$",
            r"\bgenossenschaft\b",
            r"\bcooperatief\b",
            r"\bscop\b",
            r"\btechnologies\b",
            r"\bsolutions$",
            r"\bsoftware$",
            r"\bstudio$",
            r"\bagentur\b",
            r"\bbyran?$",
            r"\bbolag(et)?$",
            r"\bforetag(et)?$",
            r"\bstatni podnik$",
            r"^compania\b",
            r"\bj d o o$",
            r"\bkooperatifi$",
            r"\bedms bpk$",
            r"\bpty ltd$",
            r"\bd o o$",
            r"\bd d$",
            r"\be?ood$",
            r"^cong ty\b",
            r"^pt \w+",
            r"\btbk$",
            r"\bsdn bhd$",
            r"\bgie$",
        ),
    ),
    (
        "network",
        (
            r"\bnetwork\b",
            r"\bnatverk(et)?\b",
            r"\breseau\b",
            r"\bnetzwerk\b",
            r"^red (de|por|para)\b",
            r"^rete\b",
            r"\bnetwerk\b",
            r"\bverkosto\b",
            r"\balliance\b",
            r"\balianza\b",
            r"\ballianz\b",
            r"\bcoalition\b",
            r"\bkoalition\b",
            r"\bcoalicion\b",
            r"\bfederation\b",
            r"\bfederacion\b",
            r"\bconfederaci(on|o)\b",
            r"\bconfederation\b",
            r"\bfederazione\b",
            r"\bfederacao\b",
            r"\bconfederacao\b",
            r"\w*forbund(et)?\b",
            r"\bconsortium\b",
            r"\bconsorcio\b",
            r"\bconsorzio\b",
            r"\bplatform of\b",
            r"\bcities$",
            r"\bstader$",
            r"\bmovement\b",
            r"\bmovimiento\b",
            r"\bcollective$",
            r"\bliitto$",
            r"\bzwiazek\b",
            r"\bsvaz\b",
            r"\bsiec\b",
            r"\bvorgustik\b",
            r"\bszovetseg\w*",
            r"\bliit$",
            r"\bpartnership$",
            r"\bbirligi$",
        ),
    ),
    (
        "ngo",
        (
            r"^(nko|ano)\b",  # Russian non-profits: НКО «…», АНО «…»
            r"\b(samiti|sangathan|sanstha|balaga)\b",  # India's associations
            r"\b(smiti|smgthn)\b",  # समिति, संगठन
            r"\barkkttlai\b",  # அறக்கட்டளை (a trust)
            r"\bpondi\b",  # Georgian ფონდი
            r"\basotsiatsia\b",
            r"\bhimnadram\w*",  # Armenian հիմնադրամ
            r"\bictimai birliyi\w*",
            r"\bfondu\b",
            r"\bnnle$",
            r"^code for \w+",  # the civic-tech brigades: Code for America, Code for Germany, Code for NL
            r"^sdruzhenye\b",
            r"^wakfu wa\b",
            r"\bstigting\b",
            r"^udruzhenje\b",
            r"^udruzenje\b",
            r"^fondatsy[ij]a\b",
            r"^fondacija\b",
            r"^yayasan\b",
            r"^perkumpulan\b",
            r"^persatuan\b",
            r"\bnpc$",
            r"^corporacion (?!de |del |financiera|industrial|minera|tecnologica)",  # Latin America's non-profits
            r"\bassociation\b",
            r"\bendowment\b",
            r"\bamke$",
            r"^idryma\b",
            r"\bhromadska orhanizatsiia\b",
            r"\bblahodiinyi fond\b",
            r"\bblahotvorytelnyi fond\b",  # Russian: Благотворительный фонд «…»
            r"\basociacion\b",
            r"\bassociazione\b",
            r"\bassociacio\b",
            r"\bassociacao\b",
            r"\bvereniging\b",
            r"\bverein\b",
            r"\w*forening(en)?\b",
            r"\w{3,}felag(id|sins)?\b",
            r"(ungdoms|idretts|idrotts|bonde|kvinne|pensjonist|grende|bygde)lag(et)?$",
            r"egyesulet\w*",
            r"alapitvany\w*",
            r"\bspolek\b",
            r"\bnadace\b",
            r"\bnadacia\b",
            r"\bzdruzenie\b",
            r"\basociati(a|ei)\b",
            r"\bfundati(a|ei)\b",
            r"\basociacija\b",
            r"\bdraugija\b",
            r"\buhing\w*",
            r"\bselts\b",
            r"\w*stiftelse(n)?\b",
            r"\bstiftung\b",
            r"\bfoundation\b",
            r"\bfondation\b",
            r"\bfundacion\b",
            r"\bfundacio\b",
            r"\bfondazione\b",
            r"\bfundacao\b",
            r"\bstichting\b",
            r"\bsaatio\b",
            r"\byhdistys\b",
            r"\bforeningen\b",
            r"\bngo\b",
            r"\bcharity\b",
            r"\btrust$",
            r"\bcollectif\b",
            r"\bcolectivo\b",
            r"\bcollettivo\b",
            r"\bcollective\b",
            r"\binitiative\b",
            r"\binitiativ(et)?\b",
            r"\bcommunity\b",
            r"\bsociety\b",
            r"\bsociete civile\b",
            r"\bonlus\b",
            r"\bidea?ell\b",
            r"\bnonprofit\b",
            r"\bnon profit\b",
            r"\bnpo\b",
            r"\brad(da)? barnen\b",
            r"\bred cross\b",
            r"\bcroix rouge\b",
            r"\brotes kreuz\b",
            r"\bcruz roja\b",
            r"\bvolunteers?\b",
            r"\bcommittee$",
            r"\bcomite\b",
            r"\bforum$",
            r"\bunion of\b",
            r"\bclub\b",
            r"\bgroup of\b",
            r"\bwomen\b",
            r"\bmujeres\b",
            r"\bfemmes\b",
            r"\bfrauen\b",
            r"\bdonne\b",
            r"\bkvinno\w*",
            r"\bjeunes\b",
            r"\bjovenes\b",
            r"\bungdom\w*",
            r"\byouth\b",
            r"\bong\b",
            r"\bfundacja\b",
            r"\bstowarzyszenie\b",
            r"\btowarzystwo\b",
            r"\bnadace\b",
            r"\bnadacni fond\b",
            r"\bspolek\b",
            r"\bsdruzeni\b",
            r"\bnadacia\b",
            r"\bobcianske zdruzenie\b",
            r"\bsihtasutus\b",
            r"\bselts$",
            r"\buhing$",
            r"\bbiedriba\b",
            r"\bnodibinajums\b",
            r"\basociacija\b",
            r"\balapitvany\b",
            r"\begyesulet\b",
            r"\basociatia\b",
            r"\bfundatia\b",
            r"\budruga\b",
            r"\bzaklada\b",
            r"\bdrustvo\b",
            r"\bzavod\b",
            r"\bfundacija\b",
            r"\bassociacao\b",
            r"\bcooperativa social\b",
            r"\bvakfi$",
            r"\bdernegi$",
            r"\bsjodur$",
        ),
    ),
)
#: Legal-form words, written as the register writes them: matched case-sensitively as the name's
#: last word (or last words), "AB" not "ab".
LEGAL_FORMS: tuple[tuple[str, str], ...] = (
    ("A.C.", "ngo"),  # Mexico's asociación civil
    ("S.A. de C.V.", "company"),
    ("S. de R.L. de C.V.", "company"),
    ("S.A.C.", "company"),
    ("E.I.R.L.", "company"),
    ("e.V.", "ngo"),
    ("eV", "ngo"),
    ("gGmbH", "ngo"),
    ("ONLUS", "ngo"),
    ("Onlus", "ngo"),
    ("APS", "ngo"),
    ("asbl", "ngo"),
    ("ASBL", "ngo"),
    ("vzw", "ngo"),
    ("VZW", "ngo"),
    ("ry", "ngo"),
    ("r.y.", "ngo"),
    ("ideell förening", "ngo"),
    ("CIC", "company"),
    ("AB", "company"),
    ("AB (publ)", "company"),
    ("Ltd", "company"),
    ("Ltd.", "company"),
    ("Limited", "company"),
    ("LLC", "company"),
    ("L.L.C.", "company"),
    ("Inc", "company"),
    ("Inc.", "company"),
    ("Corp", "company"),
    ("Corp.", "company"),
    ("Corporation", "company"),
    ("GmbH", "company"),
    ("GmbH & Co. KG", "company"),
    ("AG", "company"),
    ("KG", "company"),
    ("SE", "company"),
    ("SA", "company"),
    ("S.A.", "company"),
    ("SAS", "company"),
    ("S.A.S.", "company"),
    ("SARL", "company"),
    ("S.A.R.L.", "company"),
    ("SASU", "company"),
    ("SCOP", "company"),
    ("SL", "company"),
    ("S.L.", "company"),
    ("S.L.U.", "company"),
    ("SLU", "company"),
    ("SpA", "company"),
    ("S.p.A.", "company"),
    ("Srl", "company"),
    ("S.r.l.", "company"),
    ("S.R.L.", "company"),
    ("SRL", "company"),
    ("BV", "company"),
    ("B.V.", "company"),
    ("NV", "company"),
    ("N.V.", "company"),
    ("Oy", "company"),
    ("Oyj", "company"),
    ("AS", "company"),
    ("ASA", "company"),
    ("A/S", "company"),
    ("ApS", "company"),
    ("I/S", "company"),
    ("Kft", "company"),
    ("Kft.", "company"),
    ("Sp. z o.o.", "company"),
    ("plc", "company"),
    ("PLC", "company"),
    ("LLP", "company"),
    ("Pvt. Ltd.", "company"),
    ("Pvt Ltd", "company"),
    ("Private Limited", "company"),
    ("MMC", "company"),
    ("Lda", "company"),
    ("Lda.", "company"),
    ("Ltda", "company"),
    ("Ltda.", "company"),
    ("s.r.o.", "company"),
    ("a.s.", "company"),
    ("HB", "company"),
    ("A.Ş.", "company"),
    ("Ltd. Şti.", "company"),
    ("Şti.", "company"),
    ("z.s.", "ngo"),
    ("z. s.", "ngo"),
    ("o.p.s.", "ngo"),
    ("z.ú.", "ngo"),
    ("o.z.", "ngo"),
    ("MTÜ", "ngo"),
    ("OÜ", "company"),
    ("SIA", "company"),
    ("UAB", "company"),
    ("VšĮ", "ngo"),
    ("Zrt.", "company"),
    ("Zrt", "company"),
    ("Nyrt.", "company"),
    ("d.o.o.", "company"),
    ("d.d.", "company"),
    ("Sp. z o. o.", "company"),
    ("sp. z o.o.", "company"),
    ("Sp.j.", "company"),
    ("UG", "company"),
    ("UG (haftungsbeschränkt)", "company"),
    ("OHG", "company"),
    ("EURL", "company"),
    ("SCIC", "company"),
    ("Unipessoal Lda", "company"),
    ("DAC", "company"),
    ("ehf.", "company"),
    ("hf.", "company"),
    ("S.A.U.", "company"),
    ("S.C.", "company"),
    ("SAU", "company"),
    ("k.s.", "company"),
    ("v.o.s.", "company"),
    ("KB", "company"),
    ("SCCL", "company"),
    ("S.Coop.", "company"),
    ("Coop", "company"),
    ("eG", "company"),
)
#: Legal forms written before the name (Baltic registers): matched as written, as the name's first word.
LEGAL_PREFIXES: dict[str, str] = {"MTÜ": "ngo", "SA": "ngo", "SIA": "company", "UAB": "company", "VšĮ": "ngo",
                                  "AS": "company", "AB": "company", "შპს": "company", "ა(ა)იპ": "ngo", "ააიპ": "ngo"}


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of ``pattern`` holds, read from its top level
    (outside groups, classes and alternatives), or None: ``stiftung\\w*`` → ``"stiftung"``,
    ``r"hogskola(n)?"`` → ``"hogskola"``, ``r"a|b"`` → None."""
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            runs.append(run)
            run = ""
            i += 2
            continue
        if char == "[":  # a class: to its closing bracket (one right after the opening is literal)
            runs.append(run)
            run = ""
            i = pattern.find("]", i + 2 if pattern[i + 1:i + 2] != "^" else i + 3)
            if i == -1:
                return None
            i += 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        if depth == 0 and char not in "()":
            if char in "?*{":
                run = run[:-1]  # the character before is optional
                runs.append(run)
                run = ""
                if char == "{":
                    i = pattern.find("}", i)
                    if i == -1:
                        return None
            elif char in "+.^$":
                runs.append(run)
                run = ""
            else:
                run += char
        else:
            if (char == "(" and depth == 1) or (char == ")" and depth == 0):
                runs.append(run)
                run = ""
            if char == ")" and depth == 0 and pattern[i + 1:i + 2] in ("?", "*", "+"):
                i += 1  # a repeated or optional group: what follows it is another run
            elif char == ")" and depth == 0 and pattern[i + 1:i + 2] == "{":
                i = pattern.find("}", i)
                if i == -1:
                    return None
        i += 1
    runs.append(run)
    best = max(runs, key=len)
    return best if best else None


class _KindPatterns:
    """One kind's patterns, each tried only when the literal it requires is in the name: a name is
    scanned once for every pattern's literal (Aho-Corasick), not by hundreds of alternatives at each of
    its characters."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.always = re.compile("|".join(f"(?:{p})" for p in patterns if required_literal(p) is None) or r"(?!)")
        self.by_literal: dict[str, re.Pattern[str]] = {}
        grouped: dict[str, list[str]] = {}
        for p in patterns:
            if (literal := required_literal(p)) is not None:
                grouped.setdefault(literal, []).append(p)
        for literal, group in grouped.items():
            self.by_literal[literal] = re.compile("|".join(f"(?:{p})" for p in group))

    def search(self, words: str, present: set[str]) -> bool:
        if self.always.search(words):
            return True
        return any(self.by_literal[literal].search(words) for literal in present if literal in self.by_literal)


_COMPILED = tuple((kind, _KindPatterns(patterns)) for kind, patterns in KIND_PATTERNS)
_NETWORKS_OF_PLACES = _KindPatterns((
    r"\bassociation of (local authorities|municipalities|local governments|cities|towns|councils|regions)\b",
    r"\b(local government|municipal) association\b",
    r"^samband \w+ sveitarfelaga\b",
    r"\bsavivaldybiu asociacija\b",
    r"\blinnade ja valdade liit\b",
    r"\bkommunenes sentralforbund\b",
    r"\bsvaz mest a obci\b",
    r"\bzdruzenie miest a obci\b",
    r"\bonkormanyzatok\w* szovetseg\w*",
    r"\basociatia (municipiilor|oraselor|comunelor)\b",
    r"\bzwiazek (miast|gmin|powiatow)\b",
    r"\bkommunforbund\w*",
    r"\bconference of (towns|cities|municipalities|local authorities)\b",
    r"\bkonferencija gradova\b",
    r"\bbelediyeler birligi\b",
    r"\bsdruzhenye na obshchynyte\b",
    r"\bverband der (stadte|gemeinden)\b",
))
"""Associations of municipalities or regions: networks, though their names hold the municipal words."""
_LITERALS = ahocorasick.Automaton()
_ALL_PATTERNS = (*(kp for _kind, kp in _COMPILED), _NETWORKS_OF_PLACES)
for _literal in sorted({lit for kp in _ALL_PATTERNS for lit in kp.by_literal}):
    _LITERALS.add_word(_literal, _literal)
_LITERALS.make_automaton()


def _literals_in(words: str) -> set[str]:
    return {literal for _end, literal in _LITERALS.iter(words)}
_LEGAL = sorted(LEGAL_FORMS, key=lambda item: -len(item[0]))
_LEGAL_KIND: dict[str, str] = {}
for _form, _kind in _LEGAL:
    _LEGAL_KIND.setdefault(_form, _kind)
_LEGAL_LONGEST = max(map(len, _LEGAL_KIND))


_WEAK_FORMS = (" Inc.", ", Inc.", " Inc", ", Inc", " Incorporated", ", Incorporated", " Corporation")
"""Legal forms that say a body is incorporated, not that it trades: American nonprofits are "Inc." too."""


def weakly_typed(name: str) -> bool:
    """Whether a name's kind comes only from a form companies and nonprofits share ("Acme Data Alliance,
    Inc." is an alliance; "Lanternfish Civic Design, Inc." may be a nonprofit the site says it is)."""
    stripped = name.strip()
    for form in _WEAK_FORMS:
        if stripped.endswith(form):
            return kind_of(stripped[: -len(form)].rstrip(" ,")) is None
    return False


def _legal_kind(name: str) -> str | None:
    """The kind of the longest legal form ``name`` ends with after a space or a comma."""
    start = max(1, len(name) - _LEGAL_LONGEST)
    for at in range(start, len(name)):
        if name[at - 1] in " ," and (kind := _LEGAL_KIND.get(name[at:])) is not None:
            return kind
    return None
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _fold_char(char: str) -> str:
    return _NON_WORD.sub(" ", ascii_fold(latin(char)).casefold())


_FOLDED = CharTable(_fold_char)


def fold(name: str) -> str:
    """A name as the patterns see it: lower-case ASCII words separated by single spaces."""
    return _fold_short(name) if len(name) <= 60 else fold_once(name)


def fold_once(name: str) -> str:
    """:func:`fold` without its cache, for names asked for once (a gazetteer's index)."""
    return _FOLDED.words(name)


@lru_cache(maxsize=65536)
def _fold_short(name: str) -> str:
    return _FOLDED.words(name)  # words and names recur: asked for once


_ASSOCIATION_HEADS = frozenset({"association", "foundation", "society", "trust"})
"""The last word of an English name, its head: what the body is."""
_WRITTEN_PREFIXES = (("Град ", "municipality"), ("Quỹ ", "ngo"))
_WRITTEN_SUFFIXES = ((" ՍՊԸ", "company"), (" ՀԿ", "ngo"))
"""Armenian's legal forms after the name (an LLC, an NGO), whose folded letters ("spy", "hk") are words."""
"""Forms read as written, where their folded letters are another language's word."""
SCRIPT_KINDS: tuple[tuple[str, str], ...] = (
    ("university", r"대학교|대학$|มหาวิทยาลัย|جامعة|אוניברסיט"),
    ("research-institute", r"연구원$|연구소$|สถาบันวิจัย|مركز .*للبحوث|מכון"),
    ("municipality", r"특별시|광역시|^\S{1,6}시(청)?$|구청$|กรุงเทพมหานคร|เทศบาล|بلدية|أمانة|עיריית|עירייה"),
    ("region", r"도청$|^\S{1,5}도$|จังหวัด|محافظة|מועצה אזורית"),
    ("agency", r"부$|청$|위원회$|กระทรวง|สำนักงาน|^กรม|وزارة|هيئة|משרד|רשות"),
    ("funder", r"กองทุน|صندوق"),
    ("company", r"주식회사|\(주\)|บริษัท|จำกัด|شركة|בע[\"״]מ"),
    ("network", r"연합회?$|네트워크|เครือข่าย|شبكة"),
    ("ngo", r"사단법인|재단법인|재단$|협회$|มูลนิธิ|สมาคม|جمعية|مؤسسة|עמותה|ע[\"״]ר|^קרן"),
)
"""The forms of names in scripts kg does not fold to Latin letters (Hangul, Thai, Arabic, Hebrew), per kind."""
_SCRIPT_KIND_RE = tuple((kind, re.compile(pattern)) for kind, pattern in SCRIPT_KINDS)


def _script_kind(name: str) -> str | None:
    for kind, pattern in _SCRIPT_KIND_RE:
        if pattern.search(name):
            return kind
    return None


_RESEARCH_WORD = re.compile(r"institu|research|forsk|forsch|recherche|investigaci|ricerca|onderzoek|tutkimus")
"""Words that make a body a research institute whatever its legal form; a "laboratorio" or an
"observatory" with a company's form is a company."""
_UNIVERSITY_INITIALS = frozenset({"tu", "ku", "uc", "fu", "hu", "lmu", "eth", "epfl"})
"""Initials universities are called by before their town's name ("TU Delft", "UC Berkeley")."""


@lru_cache(maxsize=65536)
def kind_of(name: str) -> str | None:
    """The kind a name's form says (``municipality``, ``university`` …), or ``None``."""
    stripped = name.strip().rstrip(",;")
    if has_cjk(stripped):
        return _cjk_kind(stripped)
    for prefix, kind in _WRITTEN_PREFIXES:
        if stripped.startswith(prefix):
            return kind  # "Град Београд" (folded "hrad", which is a Czech castle), "Quỹ" (a fund; "Quy Nhơn" a town)
    for suffix, kind in _WRITTEN_SUFFIXES:
        if stripped.endswith(suffix) or stripped.endswith(suffix + "-ին"):
            return kind
    words = fold(stripped)
    if not words:
        return _script_kind(stripped)
    present = _literals_in(words)
    for kind, patterns in _COMPILED[:3]:  # a university or an institute is one whatever its legal form
        if patterns.search(words, present):
            if kind == "research-institute" and not _RESEARCH_WORD.search(words) and \
                    _legal_kind(stripped) == "company" and not stripped.endswith(_WEAK_FORMS):
                return "company"  # "Laboratorio Urbano Tapatío S.A. de C.V.": a lab that is a company
            return kind
    if (initials := words.split(" ", 1))[0] in _UNIVERSITY_INITIALS and len(initials) == 2:
        from kg.resolve.places import town

        if town(initials[1]) is not None:
            return "university"  # "TU Delft", "UC Berkeley", "KU Leuven"
    if _NETWORKS_OF_PLACES.search(words, present):
        return "network"
    if words.startswith(("government of ", "the government of ")):
        from kg.resolve.places import region_country

        if region_country(words.split(" of ", 1)[1]):
            return "region"  # "Government of Ontario": a province's
    legal = _legal_kind(stripped)
    if legal is not None and not stripped.endswith(_WEAK_FORMS):
        return legal
    first = stripped.split(" ", 1)[0]
    if first in LEGAL_PREFIXES and " " in stripped:
        return LEGAL_PREFIXES[first]  # "MTÜ Linnalabor", "UAB Civitta": the form before the name
    for kind, patterns in _COMPILED[3:]:
        if patterns.search(words, present):
            if kind == "network" and words.rsplit(" ", 1)[-1] in _ASSOCIATION_HEADS:
                return "ngo"  # "Civic Network Association": an association, whatever it names itself after
            return kind
    if legal is not None:
        return legal  # "Inc." last: "Acequia Data Alliance, Inc." is an alliance
    if words.endswith(" city") and len(words) > 6:
        from kg.resolve.places import town

        if town(words[:-5]) is not None:
            return "municipality"  # "Shibuya City", "Quezon City": a town's, not "Open City"
    return None


#: The forms of names in Chinese and Japanese (written without spaces), per kind, in order: a university or
#: an institute first, then places, agencies, funders, companies, networks, associations.
CJK_KINDS: tuple[tuple[str, str], ...] = (
    ("university", r"(大学|大學|大学校|學院|学院)$"),
    ("research-institute", r"(研究所|研究院|研究センター|研究中心|総合研究所)$"),
    ("municipality", r"(市|区|區|町|村|鎮|鄉)(役所|役場|政府|公所|議会|議會)?$|東京都|都庁$"),
    ("region", r"(県|縣|府|道|州)(庁|廳|政府)?$|^北海道$"),
    ("agency", r"(省|庁|廳|部|院|委員会|委員會|委员会|局|署|機構|机构)$"),
    ("funder", r"(基金會|基金会|基金)$"),
    ("company", r"株式会社|有限会社|合同会社|股份有限公司|有限公司|公司$|\(株\)|㈱|（株）"),
    ("network", r"(連盟|聯盟|联盟|ネットワーク|網絡|网络)$"),
    ("ngo", r"一般社団法人|一般財団法人|公益社団法人|公益財団法人|社団法人|社團法人|財団法人|財團法人|NPO法人|"
            r"特定非営利活動法人|(協会|協會|协会|協議会|協議會|学会|學會|会|會)$"),
)
_CJK_KIND_RE = tuple((kind, re.compile(pattern)) for kind, pattern in CJK_KINDS)
_CJK_ADMIN = re.compile(r"(市役所|市政府|区役所|區公所|市公所|町役場|村役場|県庁|縣政府|府庁|"
                        r"市|区|區|町|村|県|縣|府|都|道|"
                        r"특별자치시|특별자치도|특별시|광역시|시청|구청|군청|도청|시|구|군|도)$")


def _cjk_kind(name: str) -> str | None:
    for kind, pattern in _CJK_KIND_RE:
        if pattern.search(name):
            return kind
    if HANGUL.search(name):
        return _script_kind(name)
    return None


def _cjk_place_core(name: str) -> str | None:
    """The place of a Chinese or Japanese municipality's or region's name: "横浜市" → 横浜, "臺北市政府" → 台北."""
    core = _CJK_ADMIN.sub("", cjk_key(name))
    return core if core and core != cjk_key(name) else None


# The administrative words around a place's name, per kind: what remains is the place.
_ADMIN_AFFIXES = {
    "municipality": (
        r"^(the )?(city|town|municipality|borough|village) (council )?of ",
        r"^(la )?ville (de |d )",
        r"^mairie (de |d )",
        r"^commune (de |d )",
        r"^(landeshaupt)?stadt ",
        r"^stadtverwaltung ",
        r"^gemeinde ",
        r"^(l )?ajuntament (de |d )?",
        r"^ayuntamiento (de )?",
        r"^concello (de |da |do )?",
        r"^comune (di |de )",
        r"^citta (di |de )",
        r"^municipio (de |do |da )?",
        r"^camara municipal (de |do |da )?",
        r"^prefeitura (municipal )?(de |do |da )?",
        r" mayor s office$",
        r"^dimos ",
        r" (miska|silska|selyshchna) rada$",
        r" miska (derzhavna |viiskova )?administratsiia$",
        r"^alcaldia (mayor |local |municipal )?(de |del )",
        r"^intendencia (municipal )?de ",
        r"^municipalidad (distrital |provincial )?de ",
        r"^gobierno (autonomo municipal|municipal) de ",
        r"^gobierno de la ciudad (autonoma )?de ",
        r"^(the )?(london |royal |metropolitan )?borough of ",
        r"^gemeente ",
        r"^stad ",
        r"^(euro)?metropole (de |d |du )?",
        r"^(la )?metropole ",
        r"^communaute (d agglomeration|de communes|urbaine) (de |du |d )?",
        r" (city|town|borough|district) council$",
        r" city hall$",
        r" parish council$",
        r"^parish of ",
        r" community council$",
        r" metropole$",
        r" kommun$",
        r" kommune$",
        r" stad$",
        r" kaupunki$",
        r" kunta$",
        r" metropolis$",
        r"^citta metropolitana (di |de )",
        r"^area metropolitana (de |di )",
        r" city municipality$",
        r" buyuksehir belediyesi$",
        r" belediyesi$",
        r" municipality$",
        r" kommunen$",
        r" city$",
        r" regionskommune$",
        r"^junta de freguesia (de |do |da |dos |das )?",
        r"^freguesia (de |do |da )?",
        r"^concelho (de |do |da )?",
        r"^urzad (miasta|gminy) (stolecznego )?",
        r"^urzad m st ",
        r"^gmina (miasta |miejska )?",
        r"^miasto (stoleczne )?",
        r"^statutarni mesto ",
        r"^magistrat (mesta |hlavniho mesta )?",
        r"^mestsky urad ",
        r"^mesto ",
        r"^obec ",
        r"^hlavn[ie] mesto ",
        r"^mestska cast ",
        r"^mestsky obvod ",
        r" city district$",
        r"^(the )?city and county of ",
        r" metropolitan government$",
        r" metropolitan administration$",
        r" metropolitan municipality$",
        r" people s committee$",
        r"^(uy ban nhan dan|ubnd) (thanh pho|tp) ",
        r"^pemerintah kota ",
        r"^pemkot ",
        r"^majlis (bandaraya|perbandaran) ",
        r" (metropolitan|municipal) assembly$",
        r"^opcina ",
        r"^opstina ",
        r"^opshtyna ",
        r" buyuksehir belediyesi$",
        r" city government$",
        r"^city district of ",
        r"urborg$",
        r"^bydel ",
        r" bydel$",
        r" megyei jogu varos( onkormanyzata)?$",
        r" (varos|fovaros|kozseg|kerulet)( onkormanyzata)?$",
        r" (fovarosi|varosi|kozsegi|keruleti) onkormanyzat$",
        r" linnavalitsus$",
        r" vallavalitsus$",
        r" linn$",
        r" vald$",
        r" pasvaldiba$",
        r" novads$",
        r" savivaldybe$",
        r" miesto savivaldybe$",
        r" onkormanyzat\w*$",
        r"^primaria (municipiului |orasului )?",
        r"^municipiul ",
        r"^grad ",
        r"^mestna obcina ",
        r"^obcina ",
        r"^dimos ",
        r" udala$",
        r" city (government|administration|office)$",
        r" (city|municipal) corporation$",  # "Kolkata Municipal Corporation", "Dhaka North City Corporation"
        r" nagar (nigam|palika|panchayat|parishad)$",
        r" maha ?nagar ?palika$",
        r" mahanagara palike$",
        r" grama? panchayat$",
        r"^grama? panchayat ",
        r" mhangr ?palik[ae]$",  # the Indic forms as kg.fold.latin writes them: महानगरपालिका, ಮಹಾನಗರ ಪಾಲಿಕೆ
        r" ngr (nigm|palika|pmcayt)$",
        r" ngrpalika$",
        r" gram pmcayt$",
        r" (ma)?nkratci$",
        r"^perunkr ",  # பெருநகர: "Greater"
        r" peruratci$",
        r" paur(smstha|sbha|nigm)$",
        r"^(greater )?(municipal )?corporation of (greater )?",
        r"^greater (?=\w+ corporation$)",
        r" corporation$",
        r"^(the )?(city|town|municipal) (government|administration|office) of ",
    ),
    "region": (
        r"^kaunti ya jiji la ",
        r" city county$",
        r"^serikali ya kaunti ya ",
        r"^kaunti ya ",
        r"^county government of ",
        r"^pemerintah (provinsi|kabupaten) ",
        r"^pemprov (dki )?",
        r"^pemkab ",
        r" provincial government$",
        r" state government$",
        r" zill?a (parishad|panchayat)$",
        r" district panchayat$",
        r" jilh?a prisd$",
        r"^jilh?a prisd ",  # "Lagos State Government", "Kerala State Government"
        r"^(the )?government of ",
        r"^(the )?state of ",
        r"^estado (de |do |da )?",
        r" county$",
        r"^region ",
        r"^regione ",
        r"^(la )?region (de |d |du )?",
        r"^conseil (regional|departemental) (de |d |du )?",
        r"^provincia (di |de |del )",
        r"^province (of |de )",
        r"^provincie ",
        r"^landkreis ",
        r"^land ",
        r"^freistaat ",
        r"^kreis ",
        r"^county of ",
        r" county council$",
        r" county$",
        r"regionen$",
        r" fylkeskommune$",
        r" maakunta$",
        r"^wojewodztwo ",
        r"^urzad marszalkowski wojewodztwa ",
        r"^powiat ",
        r" kraj$",
        r"^krajsky urad ",
        r" maakond$",
        r" apskritis$",
        r" (var)?megye$",
        r" (var)?megyei (onkormanyzat|kozgyules)\w*$",
        r" varmegye\w*( onkormanyzat\w*)?$",
        r"^judetul ",
        r"^consiliul judetean ",
        r"^regiao (de |do |da )?",
        r" hyvinvointialue\w*$",
        r" prefecture$",
        r"^prefecture of ",
        r" zupanija$",
        r"^regija ",
        r"^perifereia ",
        r"^generalitat (de )?",
        r"^comunidad (de |autonoma de )?",
    ),
}
_AFFIX_RE = {kind: re.compile("|".join(f"(?:{p})" for p in affixes)) for kind, affixes in _ADMIN_AFFIXES.items()}
_GENITIVE_FORM = re.compile(r"s (kommun|kommune|stad|kommunen|landsting|region)$")
_ARTICLES = re.compile(r"^(the|la|le|les|l|el|il|lo|de|het|der|die|das) ")


@lru_cache(maxsize=65536)
def place_core(name: str, kind: str | None = None) -> str | None:
    """The place a municipality's or region's name is made of, folded: "Lunds kommun" → ``lund``.

    A genitive ``s`` is dropped where the town is known without it, or the form is Swedish
    ("Lunds kommun" and "Lund Municipality" meet; "Borås stad" stays ``boras``). ``None`` when
    the name is not of such a kind or nothing is left. :func:`kg.resolve.places.canonical_place`
    makes one key of a town's names in several languages.
    """
    kind = kind or kind_of(name)
    if kind not in _AFFIX_RE:
        return None
    if has_cjk(name):
        return _cjk_place_core(name)
    words = fold(name)
    stripped = _AFFIX_RE[kind].sub(" ", f"{words}").strip()
    stripped = _ARTICLES.sub("", stripped).strip()
    if not stripped or stripped == words:
        return None
    if stripped.endswith("s") and len(stripped) > 3:
        from kg.resolve.places import town

        if town(stripped) is None and (town(stripped[:-1]) is not None or _GENITIVE_FORM.search(words)):
            stripped = stripped[:-1]  # "Lunds kommun", "Göteborgs Stad": the genitive of Lund, Göteborg
    return _nominative(stripped)


#: How the languages that decline place names end a town's name in "the city of …" (fi, pl, cs, sk, et,
#: lt, lv): ending → what the town's own name ends with. Tried in order, only where GeoNames knows the
#: town so named and not the declined form itself: "Helsingin kaupunki" is Helsinki's, "Urząd Miasta
#: Gdańska" Gdańsk's, "Tallinna Linnavalitsus" Tallinn's, "Statutární město Brna" Brno's.
_DECLENSIONS = (
    ("aion", "a"), ("eon", "a"), ("on", "a"),  # Greek genitive plurals: Δήμος Αθηναίων, Πατρέων, Αθηνών
    ("ska", ""), ("ske", ""), ("skyi", ""), ("skoi", ""),  # Ukrainian adjectives: Київська, Львівська
    ("ngin", "nki"), ("un", "ku"), ("een", "e"), ("iaus", "ius"), ("ia", ""), ("y", "a"), ("a", "o"),
    ("o", "as"), ("a", ""), ("u", ""), ("e", ""), ("i", ""), ("n", ""), ("s", ""),
)


def _nominative(core: str) -> str:
    """A declined town name's own form, where GeoNames knows the one and not the other."""
    if len(core) < 5 or " " in core:
        return core
    from kg.resolve.places import town

    if town(core) is not None:
        return core
    for ending, own in _DECLENSIONS:
        if core.endswith(ending) and town(candidate := core[: -len(ending)] + own) is not None:
            return candidate
    return core


_METRO = re.compile(
    r"\b(euro)?metropol\w*|\bcommunaute (d agglomeration|de communes|urbaine)\b|\bagglomeration\b|"
    r"\bcitta metropolitana\b|"
    r"\barea metropolitana\b|\bmetropolitan\b|\bintercommunal\w*|\bzweckverband\b|\bregionalverband\b|"
    r"\bkommunalverband\b|\bbuyuksehir\b"
)


def is_metropolitan(name: str) -> bool:
    """Whether a municipal body is a grouping of municipalities ("Métropole de Lyon", "Communauté
    d'agglomération …") rather than the town itself ("Ville de Lyon"): the two are never one organisation."""
    return bool(_METRO.search(fold(name)))


#: Words that say what type of body a name is, the same in every language: "Stichting Buurtkracht",
#: "Stiftung Buurtkracht" and "Buurtkracht Foundation" are one foundation; "Universiteit Utrecht" and
#: "Utrecht University" one university (but not "Hogeschool Utrecht", a university of applied sciences).
TYPE_WORDS = {
    "applied-university": (
        "university of applied sciences",
        "universities of applied sciences",
        "hogeschool",
        "fachhochschule",
        "hochschule",
        "ammattikorkeakoulu",
        "haute ecole",
        "university college",
        "hogskola",
        "hogskolan",
    ),
    "university": (
        "university",
        "universiteit",
        "universitat",
        "universitet",
        "universitetet",
        "universite",
        "universidad",
        "universita",
        "universidade",
        "yliopisto",
        "uniwersytet",
        "univerzita",
        "univerza",
        "universitatea",
        "universitate",
        "universitetas",
        "ulikool",
        "egyetem",
        "chuo kikuu",
        "universitas",
        "universiti",
        "sveuciliste",
        "univerzitet",
        "universitesi",
    ),
    "foundation": (
        "foundation",
        "stichting",
        "stiftung",
        "fondation",
        "fundacion",
        "fundacio",
        "fondazione",
        "stiftelse",
        "stiftelsen",
        "saatio",
        "fundacao",
        "fundatia",
        "fundacja",
        "fundacija",
        "fonden",
        "nadace",
        "nadacia",
        "sihtasutus",
        "alapitvany",
        "zaklada",
        "stigting",
        "wakfu",
        "yayasan",
        "vakfi",
        "fondacija",
    ),
    "association": (
        "association",
        "vereniging",
        "verein",
        "forening",
        "foreningen",
        "asociacion",
        "associazione",
        "associacio",
        "yhdistys",
        "associacao",
        "stowarzyszenie",
        "spolek",
        "udruga",
        "egyesulet",
        "asociatia",
        "asociacija",
        "biedriba",
        "drustvo",
    ),
}
_TYPE_RE = tuple(
    (kind, re.compile(r"(?:^| )(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?: |$)"))
    for kind, words in TYPE_WORDS.items()
)
_CORE_STOP = frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "in",
        "on",
        "at",
        "a",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "di",
        "del",
        "della",
        "zu",
        "van",
        "het",
        "voor",
        "der",
        "die",
        "das",
        "den",
        "det",
        "og",
        "af",
        "i",
        "och",
        "e",
        "y",
        "et",
        "und",
        "im",
        "do",
        "da",
        "dos",
    ]
)


_LEGAL_END = re.compile("(?:, | |,)(?:" + "|".join(re.escape(form) for form, _kind in _LEGAL) + r")\Z")


@lru_cache(maxsize=65536)
def is_legal_form(word: str) -> bool:
    """Whether ``word`` is a legal form alone ("SCCL", "GmbH", "Inc.")."""
    found = _LEGAL_END.search(" " + word.strip())
    return found is not None and found.start() == 0


def legal_form_stripped(name: str) -> str:
    """The name without a legal form at its end: "Brückenlabor e.V." → "Brückenlabor"."""
    stripped = name.strip().rstrip(",;")
    match = _LEGAL_END.search(stripped)
    return stripped[: match.start()].strip() if match else stripped


def type_word(name: str) -> str | None:
    """The type word of a name that has one ("säätiö" in "Koneen Säätiö"), folded."""
    words = fold(legal_form_stripped(name))
    for _kind, pattern in _TYPE_RE:
        if match := pattern.search(words):
            return match.group(0).strip()
    return None


def plain_words(name: str) -> str:
    """A name's words as they are compared without its type word: folded, legal form and small words gone."""
    return " ".join(w for w in fold(legal_form_stripped(name)).split() if w not in _CORE_STOP)


def without_type_word(name: str) -> str | None:
    """``open square`` for "Open Square Foundation": the name's :func:`plain_words` with its type word
    taken out; ``None`` when it has no type word, or nothing beside it."""
    words = fold(legal_form_stripped(name))
    for _kind, pattern in _TYPE_RE:
        if match := pattern.search(words):
            rest = " ".join(w for w in (words[: match.start()] + " " + words[match.end():]).split()
                            if w not in _CORE_STOP)
            return rest or None
    return None


@lru_cache(maxsize=65536)
def type_core(name: str) -> str | None:
    """``foundation:buurtkracht`` for "Stichting Buurtkracht": a type word and what else the name says,
    in any order; ``None`` when the name has no type word, or nothing beside it."""
    words = fold(legal_form_stripped(name))
    for kind, pattern in _TYPE_RE:
        match = pattern.search(words)
        if match is None:
            continue
        rest = [w for w in (words[: match.start()] + " " + words[match.end() :]).split() if w not in _CORE_STOP]
        from kg.resolve.places import canonical_place

        core = sorted({canonical_place(_nominative(w)) for w in rest if w})
        if not core or pattern.search(" ".join(rest)):
            return None
        return f"{kind}:{' '.join(core)}"
    return None
