import type { ImportKind } from './fields'

/** Words separated by |, to keep the lists short. */
const w = (words: string) => words.split('|')

const languages = w('languages|sprache|sprachen|lingua|lingue|język|języki|taal|talen')
const languagesMore = w('γλώσσα|γλώσσες|limba|limbi|jazyk|jazyky|nyelv|nyelvek')

/**
 * Header names in German, French, Italian, Portuguese, Polish, Dutch, Greek, Romanian, Czech and
 * Hungarian (and the English of EU portals), tried after the synonyms in fields.ts. Written as
 * people write them; compared accent- and case-free like every header.
 */
export const moreHeaderWords: Record<ImportKind, Record<string, string[]>> = {
  registrations: {
    name: w(
      'imię i nazwisko|nazwisko|imię|ονοματεπώνυμο|όνομα|nume și prenume|nume|jméno a příjmení|jméno|izen-abizenak|izena|név',
    ),
    email: w(
      'adres e-mail|adres email|e-mail|ηλεκτρονικό ταχυδρομείο|adresă de e-mail|posta elektronikoa|emaila',
    ),
    organisation: w(
      'organizacja|instytucja|φορέας|οργανισμός|organizație|instituție|organizace|instituce|erakundea|szervezet',
    ),
    consent: w('zgoda|zgoda rodo|συναίνεση|συγκατάθεση|consimțământ|souhlas|baimena|hozzájárulás'),
    attended: w('obecność|obecny|obecna|παρουσία|παρών|prezență|prezent|účast|přítomen|bertaratua|jelenlét'),
  },
  stakeholders: {
    name: w(
      'beneficiary name|beneficiary|partner name|lead partner|member name|legal name|organisationsname|name der organisation|einrichtung|begünstigter|name des begünstigten|firma|unternehmen|bénéficiaire|nom du bénéficiaire|raison sociale|nom de la structure|structure|denominazione|ragione sociale|beneficiario|nome beneficiario|organizzazione|ente|nome do beneficiário|entidade|designação|denominação|nazwa|nazwa beneficjenta|beneficjent|nazwa organizacji|organizacja|instytucja|podmiot|nazwa podmiotu|naam|naam organisatie|organisatie|organisatienaam|instelling|begunstigde|naam begunstigde|ονομασία|ονομασία δικαιούχου|δικαιούχος|επωνυμία|φορέας|οργανισμός|όνομα|denumire|denumire beneficiar|beneficiar|nume beneficiar|organizație|instituție|nume|název|název příjemce|příjemce|organizace|název organizace|instituce|subjekt|név|kedvezményezett|kedvezményezett neve|szervezet|szervezet neve|intézmény|megnevezés',
    ),
    acronym: w(
      'akronym|abkürzung|kurzname|akronim|skrót|acroniem|afkorting|ακρωνύμιο|συντομογραφία|acronim|zkratka|rövidítés|mozaikszó',
    ),
    category: w(
      'kategorie|art|typ|tipologia|kategoria|rodzaj|categorie|soort|κατηγορία|τύπος|tip|druh|kategória|típus|type de structure|type of organisation|organisation type',
    ),
    programme: w(
      'operational programme|fund|programm|förderprogramm|programma|program|program operacyjny|πρόγραμμα|επιχειρησιακό πρόγραμμα|program operațional|operační program|operatív program|programa operacional',
    ),
    period: w(
      'zeitraum|förderperiode|okres|okres programowania|περίοδος|προγραμματική περίοδος|perioada|období|időszak',
    ),
    scale: w('ebene|livello|scala|poziom|skala|niveau|schaal|επίπεδο|κλίμακα|nivel|úroveň|szint'),
    country: w(
      'land|staat|ländercode|paese|nazione|kraj|państwo|χώρα|κράτος|țara|tara|stat|země|stát|ország|member state',
    ),
    city: w(
      'stadt|ort|gemeinde|città|comune|località|miasto|miejscowość|gmina|stad|plaats|gemeente|woonplaats|πόλη|δήμος|τοποθεσία|oraș|localitate|municipiu|město|obec|város|település|localidade',
    ),
    website: w(
      'webseite|internetseite|internetadresse|sito|sito web|sito internet|strona|strona www|strona internetowa|www|webpagina|internetadres|ιστοσελίδα|ιστότοπος|site|pagina web|webové stránky|weboldal|honlap|weblap',
    ),
    description: w(
      'beschreibung|anmerkungen|bemerkungen|descrizione|note|opis|uwagi|beschrijving|omschrijving|opmerkingen|περιγραφή|σχόλια|παρατηρήσεις|descriere|observații|popis|poznámky|leírás|megjegyzés|summary',
    ),
    languages: [...languages, ...languagesMore],
    stage: w('phase|stufe|fase|stato|etap|στάδιο|κατάσταση|etapa|stadiu|stare|fáze|stav|állapot|szakasz'),
    contactName: w(
      'ansprechpartner|kontaktperson|kontakt|referente|contatto|persona di contatto|osoba kontaktowa|contactpersoon|υπεύθυνος επικοινωνίας|persoana de contact|kontaktní osoba|kapcsolattartó',
    ),
    contactEmail: w(
      'e-mail-adresse|posta elettronica|indirizzo email|adres e-mail|e-mailadres|ηλεκτρονικό ταχυδρομείο|adresa de e-mail|e-mailová adresa|e-mail cím|email cím',
    ),
  },
  contacts: {
    name: w(
      'vollständiger name|nome e cognome|imię i nazwisko|volledige naam|ονοματεπώνυμο|nume complet|nume și prenume|celé jméno|jméno a příjmení|teljes név|név|naam',
    ),
    firstName: w('vorname|nome proprio|imię|voornaam|όνομα|prenume|jméno|keresztnév|utónév'),
    lastName: w(
      'nachname|familienname|cognome|nazwisko|achternaam|επώνυμο|nume de familie|příjmení|vezetéknév|családnév',
    ),
    email: w(
      'e-mail-adresse|indirizzo email|posta elettronica|adres e-mail|e-mailadres|ηλεκτρονικό ταχυδρομείο|adresa de e-mail|e-mailová adresa|e-mail cím',
    ),
    phone: w(
      'telefon|telefonnummer|handy|cellulare|numer telefonu|telefoon|telefoonnummer|mobiel|τηλέφωνο|κινητό|telefon mobil|mobil|telefonszám',
    ),
    position: w(
      'funktion|stellung|ruolo|qualifica|incarico|stanowisko|funkcja|functie|θέση|ιδιότητα|funcția|funcție|poziție|pracovní pozice|funkce|beosztás|pozíció',
    ),
    organisation: w(
      'firma|unternehmen|einrichtung|organizzazione|ente|azienda|organizacja|instytucja|organisatie|bedrijf|οργανισμός|φορέας|εταιρεία|organizație|instituție|companie|organizace|společnost|szervezet|cég|intézmény',
    ),
    languages: [...languages, ...languagesMore],
    notes: w(
      'notizen|bemerkungen|anmerkungen|note|uwagi|notatki|opmerkingen|notities|σημειώσεις|σχόλια|observații|poznámky|megjegyzés',
    ),
  },
  actions: {
    date: w('datum|ημερομηνία|dată|dátum|időpont'),
    type: w(
      'art|typ|aktionstyp|tipo di azione|tipologia|rodzaj|typ działania|soort|type actie|τύπος|είδος|tip|tip acțiune|druh|typ akce|típus',
    ),
    channel: w('kanal|canale|mezzo|kanał|kanaal|κανάλι|μέσο|csatorna'),
    title: w('titel|bezeichnung|titolo|tytuł|nazwa|τίτλος|titlu|název|cím|megnevezés'),
    languages: [...languages, ...languagesMore],
    participants: w(
      'teilnehmer|teilnehmende|partecipanti|uczestnicy|liczba uczestników|deelnemers|συμμετέχοντες|participanți|účastníci|résztvevők',
    ),
    onlineReach: w(
      'reichweite|copertura|visualizzazioni|zasięg|wyświetlenia|bereik|weergaven|απήχηση|προβολές|acoperire|vizualizări|dosah|zobrazení|elérés|megtekintések',
    ),
    engagements: w(
      'interaktionen|interazioni|interakcje|interacties|αλληλεπιδράσεις|interacțiuni|interakce|interakciók',
    ),
    evidenceUrl: w(
      'nachweis|beleg|prova|dowód|bewijs|απόδειξη|σύνδεσμος|dovadă|důkaz|odkaz|bizonyíték|hivatkozás',
    ),
    stakeholders: w(
      'akteure|interessengruppen|portatori di interesse|interesariusze|belanghebbenden|ενδιαφερόμενα μέρη|părți interesate|zainteresované strany|érintettek',
    ),
    description: w('beschreibung|descrizione|opis|beschrijving|περιγραφή|descriere|popis|leírás'),
  },
}
