/**
 * Real text in the 24 official EU languages plus Catalan, Basque and Galician (and Romanian as
 * legacy Windows-1250 files write it, with cedillas), for the encoding detection corpus: the
 * names of public bodies, towns, and sentences as a city's stakeholder list would hold them.
 */
export type CorpusLanguage = { names: string[]; cities: string[]; notes: string[] }

const ro: CorpusLanguage = {
  names: [
    'Primăria Municipiului București',
    'Consiliul Județean Cluj',
    'Universitatea Babeș-Bolyai',
    'Primăria Municipiului Timișoara',
    'Agenția pentru Dezvoltare Regională Nord-Est',
  ],
  cities: ['București', 'Cluj-Napoca', 'Timișoara', 'Iași', 'Brașov'],
  notes: [
    'Primăria organizează săptămâna viitoare o dezbatere publică.',
    'Proiectul este cofinanțat din Fondul European de Dezvoltare Regională.',
    'Întâlnirea cu cetățenii va avea loc joi la sediul primăriei.',
  ],
}

const cedilla = (s: string) => s.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ')

export const corpus: Record<string, CorpusLanguage> = {
  bg: {
    names: [
      'Столична община',
      'Община Пловдив',
      'Министерство на регионалното развитие и благоустройството',
      'Областна администрация Варна',
      'Софийски университет „Св. Климент Охридски“',
    ],
    cities: ['София', 'Пловдив', 'Варна', 'Бургас', 'Русе'],
    notes: [
      'Общината подготвя нов план за устойчива градска мобилност.',
      'Срещата с гражданите ще се проведе в четвъртък в читалището.',
      'Проектът е съфинансиран от Европейския фонд за регионално развитие.',
    ],
  },
  cs: {
    names: [
      'Hlavní město Praha',
      'Statutární město Brno',
      'Magistrát města Ostravy',
      'Krajský úřad Jihočeského kraje',
      'Vysoké učení technické v Brně',
    ],
    cities: ['Praha', 'Brno', 'Ostrava', 'České Budějovice', 'Plzeň'],
    notes: [
      'Příští týden se na radnici uskuteční veřejné projednání územního plánu.',
      'Město připravuje novou strategii udržitelné mobility.',
      'Žádosti o dotace lze podávat do konce září.',
    ],
  },
  da: {
    names: [
      'Københavns Kommune',
      'Aarhus Kommune',
      'Region Midtjylland',
      'Odense Kommune',
      'Aalborg Universitet',
    ],
    cities: ['København', 'Århus', 'Odense', 'Aalborg', 'Esbjerg'],
    notes: [
      'Kommunen åbner et nyt borgerservicecenter i næste måned.',
      'Mødet om byfornyelse finder sted på rådhuset.',
      'Projektet støttes af Den Europæiske Fond for Regionaludvikling.',
    ],
  },
  de: {
    names: [
      'Stadtverwaltung München',
      'Landeshauptstadt Düsseldorf',
      'Bezirksamt Friedrichshain-Kreuzberg',
      'Technische Universität Dresden',
      'Handwerkskammer für Oberfranken',
    ],
    cities: ['München', 'Düsseldorf', 'Köln', 'Nürnberg', 'Lübeck'],
    notes: [
      'Die Bürgerbeteiligung zur Stadtentwicklung beginnt im Frühjahr.',
      'Wir freuen uns über die Zusammenarbeit mit den Partnerstädten.',
      'Die Straßenbahnlinie wird bis zum Großmarkt verlängert.',
    ],
  },
  el: {
    names: [
      'Δήμος Θεσσαλονίκης',
      'Δήμος Αθηναίων',
      'Περιφέρεια Κεντρικής Μακεδονίας',
      'ΔΗΜΟΣ ΠΕΙΡΑΙΑ',
      'Εμπορικό και Βιομηχανικό Επιμελητήριο Πειραιά',
    ],
    cities: ['Θεσσαλονίκη', 'Αθήνα', 'Πάτρα', 'Ηράκλειο', 'Άγιος Νικόλαος'],
    notes: [
      'Ο δήμος οργανώνει δημόσια διαβούλευση για το νέο σχέδιο βιώσιμης κινητικότητας.',
      'Η συνάντηση με τους πολίτες θα γίνει την Πέμπτη στο δημαρχείο.',
      'Το έργο συγχρηματοδοτείται από το Ευρωπαϊκό Ταμείο Περιφερειακής Ανάπτυξης.',
    ],
  },
  en: {
    names: [
      'Dublin City Council',
      'Cork County Council',
      'Galway Chamber of Commerce',
      'University College Dublin',
      'Limerick Institute of Technology',
    ],
    cities: ['Dublin', 'Cork', 'Galway', 'Limerick', 'Waterford'],
    notes: [
      'The council will host a public consultation on the new mobility plan.',
      'Our partners presented the results at the city forum in Cork.',
      'The café on Grafton Street hosted the résumé workshop – free of charge.',
    ],
  },
  es: {
    names: [
      'Ayuntamiento de San Sebastián',
      'Diputación Foral de Gipuzkoa',
      'Consejería de Fomento de la Junta de Andalucía',
      'Universidad de Cádiz',
      'Cámara de Comercio de España',
    ],
    cities: ['Donostia-San Sebastián', 'Málaga', 'Córdoba', 'A Coruña', 'Logroño'],
    notes: [
      '¿Cuándo se celebrará la próxima reunión del consejo ciudadano?',
      'El ayuntamiento presentó el plan de movilidad urbana sostenible en León.',
      'La participación de los vecinos fue muy numerosa este año.',
    ],
  },
  et: {
    names: [
      'Tallinna Linnavalitsus',
      'Tartu Linnavalitsus',
      'Pärnu Linnavalitsus',
      'Tallinna Tehnikaülikool',
      'Eesti Kaubandus-Tööstuskoda',
    ],
    cities: ['Tallinn', 'Tartu', 'Pärnu', 'Võru', 'Jõhvi'],
    notes: [
      'Linnavalitsus korraldab järgmisel nädalal avaliku arutelu.',
      'Pärnu rannas avati uus garaaž ja Šveitsi delegatsioon külastas linna.',
      'Kohtumine toimub Õismäe raamatukogus neljapäeval.',
    ],
  },
  fi: {
    names: [
      'Helsingin kaupunki',
      'Tampereen kaupunki',
      'Åbo Akademi',
      'Pohjois-Pohjanmaan liitto',
      'Jyväskylän kaupunki',
    ],
    cities: ['Helsinki', 'Tampere', 'Jyväskylä', 'Hämeenlinna', 'Oulu'],
    notes: [
      'Kaupunki järjestää asukastilaisuuden ensi viikolla.',
      'Hanketta rahoittaa Euroopan aluekehitysrahasto.',
      'Yhteistyö Ruotsin ja Viron kumppanien kanssa jatkuu.',
    ],
  },
  fr: {
    names: [
      'Mairie de Saint-Étienne',
      'Métropole de Lyon',
      "Conseil régional d'Île-de-France",
      'Université de Franche-Comté',
      "Chambre de commerce et d'industrie de Nîmes",
    ],
    cities: ['Saint-Étienne', 'Besançon', 'Orléans', 'Nîmes', 'Périgueux'],
    notes: [
      "La réunion publique aura lieu jeudi à l'hôtel de ville.",
      'Nous œuvrons pour une mobilité plus sûre et plus écologique.',
      'Le projet est cofinancé par le Fonds européen de développement régional.',
    ],
  },
  ga: {
    names: [
      'Comhairle Cathrach Bhaile Átha Cliath',
      'Comhairle Contae na Gaillimhe',
      'Ollscoil na hÉireann, Gaillimh',
      'Údarás na Gaeltachta',
      'Foras na Gaeilge',
    ],
    cities: ['Baile Átha Cliath', 'Gaillimh', 'Corcaigh', 'Luimneach', 'Port Láirge'],
    notes: [
      'Beidh cruinniú poiblí ar siúl sa halla an tseachtain seo chugainn.',
      'Tá an tionscadal á chómhaoiniú ag an Aontas Eorpach.',
      'Cuirfear fáilte roimh chách ag an ócáid i nGaillimh.',
    ],
  },
  hr: {
    names: [
      'Grad Zagreb',
      'Grad Split',
      'Sveučilište u Rijeci',
      'Primorsko-goranska županija',
      'Hrvatska gospodarska komora',
    ],
    cities: ['Zagreb', 'Split', 'Rijeka', 'Osijek', 'Čakovec'],
    notes: [
      'Gradsko vijeće održat će javno savjetovanje o prometnoj strategiji.',
      'Sastanak s građanima bit će u četvrtak u gradskoj vijećnici.',
      'Projekt je sufinanciran iz Europskog fonda za regionalni razvoj.',
    ],
  },
  hu: {
    names: [
      'Budapest Főváros Önkormányzata',
      'Debrecen Megyei Jogú Város',
      'Szegedi Tudományegyetem',
      'Győr-Moson-Sopron Vármegye',
      'Pécsi Kereskedelmi és Iparkamara',
    ],
    cities: ['Budapest', 'Győr', 'Pécs', 'Szeged', 'Székesfehérvár'],
    notes: [
      'Az önkormányzat jövő héten lakossági fórumot tart a városházán.',
      'A projektet az Európai Regionális Fejlesztési Alap támogatja.',
      'Köszönjük a partnervárosok együttműködését.',
    ],
  },
  it: {
    names: [
      'Comune di Bologna',
      'Città metropolitana di Torino',
      'Regione Emilia-Romagna',
      'Università degli Studi di Padova',
      'Camera di commercio di Forlì-Cesena',
    ],
    cities: ['Bologna', 'Forlì', 'Cantù', 'Torino', "Sant'Agata"],
    notes: [
      "L'incontro pubblico si terrà giovedì presso il municipio.",
      'Il progetto è cofinanziato dal Fondo europeo di sviluppo regionale.',
      'La città sarà più sostenibile grazie al nuovo piano di mobilità.',
    ],
  },
  lv: {
    names: [
      'Rīgas valstspilsētas pašvaldība',
      'Liepājas valstspilsētas pašvaldība',
      'Latvijas Universitāte',
      'Daugavpils pilsētas dome',
      'Vidzemes plānošanas reģions',
    ],
    cities: ['Rīga', 'Liepāja', 'Jelgava', 'Ventspils', 'Cēsis'],
    notes: [
      'Pašvaldība nākamnedēļ rīkos sabiedrisko apspriešanu.',
      'Projektu līdzfinansē Eiropas Reģionālās attīstības fonds.',
      'Tikšanās ar iedzīvotājiem notiks ceturtdien domes ēkā.',
    ],
  },
  lt: {
    names: [
      'Vilniaus miesto savivaldybė',
      'Kauno miesto savivaldybės administracija',
      'Klaipėdos universitetas',
      'Šiaulių regiono plėtros taryba',
      'Lietuvos savivaldybių asociacija',
    ],
    cities: ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai', 'Panevėžys'],
    notes: [
      'Savivaldybė kitą savaitę rengs viešą susitikimą su gyventojais.',
      'Projektą bendrai finansuoja Europos regioninės plėtros fondas.',
      'Susitikimas vyks ketvirtadienį rotušėje.',
    ],
  },
  mt: {
    names: [
      'Kunsill Lokali tal-Belt Valletta',
      "Università ta' Malta",
      'Kamra tal-Kummerċ',
      'Kunsill Lokali Ħal Qormi',
      'Awtorità għall-Ippjanar',
    ],
    cities: ['Valletta', 'Ħal Qormi', 'Birkirkara', 'Żebbuġ', 'Rabat'],
    notes: [
      'Il-kunsill se jorganizza laqgħa pubblika l-ġimgħa d-dieħla.',
      'Il-proġett huwa kofinanzjat mill-Fond Ewropew għall-Iżvilupp Reġjonali.',
      'Grazzi tal-parteċipazzjoni tagħkom.',
    ],
  },
  nl: {
    names: [
      'Gemeente Amsterdam',
      'Provincie Noord-Brabant',
      'Technische Universiteit Eindhoven',
      'Stad Gent',
      'Vlaamse Vervoermaatschappij De Lijn',
    ],
    cities: ['Amsterdam', "'s-Hertogenbosch", 'Gent', 'Leuven', 'Eindhoven'],
    notes: [
      'De gemeente organiseert volgende week een inspraakavond over de mobiliteit.',
      'Het project wordt medegefinancierd door het Europees Fonds voor Regionale Ontwikkeling.',
      'De coöperatie presenteerde haar ideeën in het café in Leuven.',
    ],
  },
  pl: {
    names: [
      'Urząd Miasta Gdańska',
      'Urząd Marszałkowski Województwa Pomorskiego',
      'Politechnika Łódzka',
      'Gmina Miejska Kraków',
      'Zarząd Transportu Miejskiego w Poznaniu',
    ],
    cities: ['Gdańsk', 'Łódź', 'Kraków', 'Poznań', 'Świnoujście'],
    notes: [
      'Tytuł projektu: Zrównoważona mobilność w miastach średniej wielkości.',
      'Spotkanie z mieszkańcami odbędzie się w czwartek w ratuszu.',
      'Projekt jest współfinansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego.',
    ],
  },
  pt: {
    names: [
      'Câmara Municipal do Porto',
      'Câmara Municipal de Lisboa',
      'Universidade de Coimbra',
      'Comissão de Coordenação e Desenvolvimento Regional do Norte',
      'Associação Nacional de Municípios Portugueses',
    ],
    cities: ['Porto', 'Lisboa', 'Évora', 'Guimarães', 'Setúbal'],
    notes: [
      'A sessão pública de apresentação realiza-se na próxima quinta-feira.',
      'O projeto é cofinanciado pelo Fundo Europeu de Desenvolvimento Regional.',
      'A participação dos cidadãos foi muito elevada este ano.',
    ],
  },
  ro,
  'ro-cedilla': {
    names: ro.names.map(cedilla),
    cities: ro.cities.map(cedilla),
    notes: ro.notes.map(cedilla),
  },
  sk: {
    names: [
      'Hlavné mesto Slovenskej republiky Bratislava',
      'Mesto Košice',
      'Žilinský samosprávny kraj',
      'Technická univerzita vo Zvolene',
      'Slovenská obchodná a priemyselná komora',
    ],
    cities: ['Bratislava', 'Košice', 'Žilina', 'Prešov', 'Banská Bystrica'],
    notes: [
      'Mestské zastupiteľstvo zvolá verejné stretnutie budúci štvrtok.',
      'Projekt je spolufinancovaný z Európskeho fondu regionálneho rozvoja.',
      'Ďakujeme partnerským mestám za spoluprácu.',
    ],
  },
  sl: {
    names: [
      'Mestna občina Ljubljana',
      'Mestna občina Maribor',
      'Univerza v Ljubljani',
      'Občina Škofja Loka',
      'Gospodarska zbornica Slovenije',
    ],
    cities: ['Ljubljana', 'Maribor', 'Kranj', 'Škofja Loka', 'Murska Sobota'],
    notes: [
      'Občina bo prihodnji četrtek organizirala javno razpravo.',
      'Projekt sofinancira Evropski sklad za regionalni razvoj.',
      'Srečanje z meščani bo v mestni hiši.',
    ],
  },
  sv: {
    names: [
      'Stockholms stad',
      'Göteborgs Stad',
      'Region Skåne',
      'Malmö universitet',
      'Länsstyrelsen i Västra Götalands län',
    ],
    cities: ['Stockholm', 'Göteborg', 'Malmö', 'Umeå', 'Jönköping'],
    notes: [
      'Kommunen bjuder in till ett öppet möte om kollektivtrafiken nästa vecka.',
      'Projektet medfinansieras av Europeiska regionala utvecklingsfonden.',
      'Samarbetet med våra partnerstäder fortsätter.',
    ],
  },
  ca: {
    names: [
      'Ajuntament de Barcelona',
      'Generalitat de Catalunya',
      'Diputació de Girona',
      'Universitat Politècnica de València',
      'Consell Comarcal del Vallès Occidental',
    ],
    cities: ['Barcelona', 'Lleida', 'Girona', 'Tarragona', 'Sant Cugat del Vallès'],
    notes: [
      "La reunió pública se celebrarà dijous a l'ajuntament.",
      'El projecte està cofinançat pel Fons Europeu de Desenvolupament Regional.',
      'Agraïm la col·laboració de les entitats del barri.',
    ],
  },
  eu: {
    names: [
      'Donostiako Udala',
      'Bilboko Udala',
      'Gipuzkoako Foru Aldundia',
      'Euskal Herriko Unibertsitatea',
      'Eusko Jaurlaritzako Ingurumen Saila',
    ],
    cities: ['Donostia', 'Bilbo', 'Gasteiz', 'Iruñea', 'Errenteria'],
    notes: [
      'Udalak herritarrekin bilera irekia antolatuko du datorren ostegunean.',
      'Proiektua Eskualde Garapenerako Europako Funtsak kofinantzatzen du.',
      'Iruñea eta Donostia arteko lankidetza indartuko da.',
    ],
  },
  gl: {
    names: [
      'Concello de Santiago de Compostela',
      'Deputación da Coruña',
      'Universidade de Vigo',
      'Xunta de Galicia',
      'Concello de Ourense',
    ],
    cities: ['Santiago de Compostela', 'A Coruña', 'Lugo', 'Ourense', 'Pontevedra'],
    notes: [
      'A reunión pública celebrarase o xoves na casa do concello.',
      'O proxecto está cofinanciado polo Fondo Europeo de Desenvolvemento Rexional.',
      'Agradecemos a participación da veciñanza.',
    ],
  },
}

/** A CSV (semicolons, every field quoted) of `rows` data rows cycling through the language's text. */
export function corpusCsv(language: CorpusLanguage, rows: number): { csv: string; expected: string[][] } {
  const expected: string[][] = []
  for (let i = 0; i < rows; i++) {
    const { names, cities, notes } = language
    expected.push([names[i % names.length], cities[(i * 3) % cities.length], notes[i % notes.length]])
  }
  const line = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')
  const csv = [line(['Name', 'City', 'Note']), ...expected.map(line)].join('\r\n') + '\r\n'
  return { csv, expected }
}
