import { createContact } from '~/models/contacts/index.server'
import { builtInCategories, type CategoryKey, createStakeholder } from '~/models/stakeholders/index.server'

import type { DB } from '../client'
import { type LawfulBasis, type Scale, type Stage, stakeholderCategories } from '../schema'
import type { CoreSeed } from './core'
import type { Random } from './random'

type Row = [
  name: string,
  acronym: string | null,
  country: string,
  city: string | null,
  website: string | null,
]

/** Real organisations of the partner cities and of the European urban-policy world. */
const catalogue: Record<CategoryKey, Row[]> = {
  university: [
    ['Universidad de Deusto', null, 'ES', 'Donostia / San Sebastián', 'https://www.deusto.es'],
    [
      'Universidad del País Vasco / Euskal Herriko Unibertsitatea',
      'UPV/EHU',
      'ES',
      'Donostia / San Sebastián',
      'https://www.ehu.eus',
    ],
    ['Mondragon Unibertsitatea', 'MU', 'ES', 'Arrasate-Mondragón', 'https://www.mondragon.edu'],
    ['Basque Culinary Center', 'BCC', 'ES', 'Donostia / San Sebastián', 'https://www.bculinary.com'],
    ['Universitat de Barcelona', 'UB', 'ES', 'Barcelona', 'https://www.ub.edu'],
    ['Universitat Pompeu Fabra', 'UPF', 'ES', 'Barcelona', 'https://www.upf.edu'],
    ['Universitat Politècnica de Catalunya', 'UPC', 'ES', 'Barcelona', 'https://www.upc.edu'],
    ['Universitat Autònoma de Barcelona', 'UAB', 'ES', 'Bellaterra', 'https://www.uab.cat'],
    ['Universidad de Antioquia', 'UdeA', 'CO', 'Medellín', 'https://www.udea.edu.co'],
    ['Universidad EAFIT', 'EAFIT', 'CO', 'Medellín', 'https://www.eafit.edu.co'],
    [
      'Universidad Nacional de Colombia, Sede Medellín',
      'UNAL',
      'CO',
      'Medellín',
      'https://medellin.unal.edu.co',
    ],
    ['Universidad Pontificia Bolivariana', 'UPB', 'CO', 'Medellín', 'https://www.upb.edu.co'],
    ['Universidade do Porto', 'U.Porto', 'PT', 'Porto', 'https://www.up.pt'],
    ['Instituto Politécnico do Porto', 'P.Porto', 'PT', 'Porto', 'https://www.ipp.pt'],
    ['Universidade Católica Portuguesa, Porto', 'UCP', 'PT', 'Porto', 'https://www.porto.ucp.pt'],
    ['Università di Bologna', 'UNIBO', 'IT', 'Bologna', 'https://www.unibo.it'],
    ['Accademia di Belle Arti di Bologna', 'ABA', 'IT', 'Bologna', 'https://www.ababo.it'],
    ['Université Lumière Lyon 2', null, 'FR', 'Lyon', 'https://www.univ-lyon2.fr'],
    ['Université Claude Bernard Lyon 1', null, 'FR', 'Villeurbanne', 'https://www.univ-lyon1.fr'],
    ['Université Jean Moulin Lyon 3', null, 'FR', 'Lyon', 'https://www.univ-lyon3.fr'],
    ['Université de Lyon', 'UdL', 'FR', 'Lyon', 'https://www.universite-lyon.fr'],
    ['Sciences Po Lyon', null, 'FR', 'Lyon', 'https://www.sciencespo-lyon.fr'],
    ['Politechnika Gdańska', 'PG', 'PL', 'Gdańsk', 'https://pg.edu.pl'],
    ['Uniwersytet Gdański', 'UG', 'PL', 'Gdańsk', 'https://ug.edu.pl'],
    ['Tampere University', 'TAU', 'FI', 'Tampere', 'https://www.tuni.fi'],
    ['Tampere University of Applied Sciences', 'TAMK', 'FI', 'Tampere', 'https://www.tamk.fi'],
    ['Aalto University', null, 'FI', 'Espoo', 'https://www.aalto.fi'],
    ['Universidade de Lisboa', 'ULisboa', 'PT', 'Lisboa', 'https://www.ulisboa.pt'],
    ['Politecnico di Milano', 'POLIMI', 'IT', 'Milano', 'https://www.polimi.it'],
    ['TU Delft', null, 'NL', 'Delft', 'https://www.tudelft.nl'],
    ['Technische Universität Wien', 'TU Wien', 'AT', 'Wien', 'https://www.tuwien.at'],
    ['Université Libre de Bruxelles', 'ULB', 'BE', 'Bruxelles', 'https://www.ulb.be'],
    ['Uniwersytet Warszawski', 'UW', 'PL', 'Warszawa', 'https://www.uw.edu.pl'],
    ['Universidad de Los Andes', 'Uniandes', 'CO', 'Bogotá', 'https://uniandes.edu.co'],
  ],
  interreg_project: [
    [
      'CRE:HUB – Cultural and creative industries hubs',
      'CRE:HUB',
      'IT',
      null,
      'https://projects2014-2020.interregeurope.eu/crehub',
    ],
    [
      'INNOCASTLE – Innovating policy instruments for historic castles',
      'INNOCASTLE',
      'ES',
      null,
      'https://projects2014-2020.interregeurope.eu/innocastle',
    ],
    [
      'CHRISTA – Culture and heritage for responsible, innovative and sustainable tourism',
      'CHRISTA',
      'PT',
      null,
      'https://projects2014-2020.interregeurope.eu/christa',
    ],
    [
      'Night Light – Dark sky preservation',
      'Night Light',
      'FI',
      null,
      'https://projects2014-2020.interregeurope.eu/nightlight',
    ],
    [
      'CLUSTERS3 – Cluster policies for S3',
      'CLUSTERS3',
      'ES',
      null,
      'https://projects2014-2020.interregeurope.eu/clusters3',
    ],
    [
      'BRIDGES – Bringing together research and industry',
      'BRIDGES',
      'FI',
      null,
      'https://projects2014-2020.interregeurope.eu/bridges',
    ],
    [
      'ECoC-SME – European Capitals of Culture for SMEs',
      'ECoC-SME',
      'PL',
      null,
      'https://projects2014-2020.interregeurope.eu/ecoc-sme',
    ],
    [
      'HERIWELL – Cultural heritage as a source of societal well-being',
      'HERIWELL',
      'IT',
      null,
      'https://www.interregeurope.eu/heriwell',
    ],
    [
      'CircE – European regions toward circular economy',
      'CircE',
      'IT',
      null,
      'https://www.interregeurope.eu/circe',
    ],
    [
      'BeyondEVs – Beyond electric vehicles',
      'BeyondEVs',
      'FR',
      null,
      'https://www.interregeurope.eu/beyondevs',
    ],
    ['POCITYF Interreg Sudoe link', null, 'ES', null, null],
    [
      'SOCIAL GREEN – Regional policies towards greening the social housing sector',
      'SOCIAL GREEN',
      'ES',
      null,
      'https://www.interregeurope.eu/socialgreen',
    ],
    ['UrbanLinks 2 Landscape', 'UL2L', 'PL', null, 'https://www.interregeurope.eu/ul2l'],
  ],
  urbact_network: [
    ['Playful Paradigm', null, 'IT', 'Udine', 'https://urbact.eu/networks/playful-paradigm'],
    ['Tourism Friendly Cities', 'TFC', 'IT', 'Genova', 'https://urbact.eu/networks/tourism-friendly-cities'],
    ['Creative Spirits', null, 'PT', 'Viseu', 'https://urbact.eu/networks/creative-spirits'],
    ['ArtFul', null, 'PL', null, 'https://urbact.eu/networks/artful'],
    ['Thriving Streets', null, 'IT', 'Parma', 'https://urbact.eu/networks/thriving-streets'],
    ['Health&Greenspace', null, 'DE', 'Hegyvidék', 'https://urbact.eu/networks/healthgreenspace'],
    ['RiConnect', null, 'ES', 'Barcelona', 'https://urbact.eu/networks/riconnect'],
    ['UrbSecurity', null, 'IT', 'Leiria', 'https://urbact.eu/networks/urbsecurity'],
    ['Gen-Y City', null, 'PL', 'Poznań', 'https://urbact.eu/networks/gen-y-city'],
    ['Com.Unity.Lab', null, 'PT', 'Lisboa', 'https://urbact.eu/networks/comunitylab'],
    ['Breaking Isolation', null, 'FR', null, 'https://urbact.eu/networks/breaking-isolation'],
    ['Zero Carbon Cities', 'ZCC', 'FI', null, 'https://urbact.eu/networks/zero-carbon-cities'],
    ['Cities@Heart', null, 'FR', 'Lyon', 'https://urbact.eu/networks/citiesheart'],
    ['Remote-IT', null, 'PT', null, 'https://urbact.eu/networks/remote-it'],
    ['Food Corridors', null, 'ES', 'Coimbra', 'https://urbact.eu/networks/food-corridors'],
  ],
  horizon_project: [
    [
      'ROCK – Regeneration and Optimisation of Cultural heritage in creative and Knowledge cities',
      'ROCK',
      'IT',
      'Bologna',
      'https://rockproject.eu',
    ],
    ['OpenHeritage', null, 'HU', null, 'https://openheritage.eu'],
    [
      'CLIC – Circular models Leveraging Investments in Cultural heritage adaptive reuse',
      'CLIC',
      'IT',
      null,
      'https://www.clicproject.eu',
    ],
    ['NetZeroCities', 'NZC', 'BE', null, 'https://netzerocities.eu'],
    ['URBiNAT – Urban inclusive and nature-based solutions', 'URBiNAT', 'PT', 'Porto', 'https://urbinat.eu'],
    ['Connecting Nature', null, 'IE', null, 'https://connectingnature.eu'],
    ['UNaLab – Urban Nature Labs', 'UNaLab', 'FI', 'Tampere', 'https://unalab.eu'],
    [
      'proGIreg – Productive green infrastructure for post-industrial urban regeneration',
      'proGIreg',
      'DE',
      null,
      'https://progireg.eu',
    ],
    ['Urban GreenUP', null, 'ES', 'Valladolid', 'https://www.urbangreenup.eu'],
    [
      'SPARCS – Sustainable energy positive and zero carbon communities',
      'SPARCS',
      'FI',
      'Espoo',
      'https://www.fvh.fi/sparcs',
    ],
    ['Cities4PEDs', null, 'BE', null, null],
    [
      'T-Factor – Temporary uses as accelerators of urban regeneration',
      'T-Factor',
      'IT',
      'Milano',
      'https://www.t-factor.eu',
    ],
    ['ILIAD – Integrated Digital Framework for Comprehensive Maritime Data', 'ILIAD', 'PL', 'Gdańsk', null],
  ],
  eu_funded_project: [
    ['Creative Europe – Cities of Culture Lab', null, 'ES', 'Donostia / San Sebastián', null],
    ['Erasmus+ – Urban Creativity Academy', null, 'IT', 'Bologna', null],
    [
      'European Urban Initiative – Innovative Actions Porto',
      'EUI-IA',
      'PT',
      'Porto',
      'https://www.urban-initiative.eu',
    ],
    ['EU-LAC Urban Bridges', null, 'CO', 'Medellín', null],
    ['Erasmus+ – Citizen Science for Cities', null, 'FI', 'Tampere', null],
    ['LIFE – Green Roofs Lyon', null, 'FR', 'Lyon', null],
    ['Interreg Baltic Sea Region – Blue Cities', null, 'PL', 'Gdańsk', 'https://interreg-baltic.eu'],
    [
      'International Urban and Regional Cooperation – Latin America',
      'IURC',
      'CO',
      'Bogotá',
      'https://iurc.eu',
    ],
  ],
  city_network: [
    ['Eurocities', null, 'BE', 'Bruxelles', 'https://eurocities.eu'],
    [
      'Metropolis – World Association of the Major Metropolises',
      'Metropolis',
      'ES',
      'Barcelona',
      'https://www.metropolis.org',
    ],
    [
      'ICLEI Europe – Local Governments for Sustainability',
      'ICLEI',
      'DE',
      'Freiburg',
      'https://iclei-europe.org',
    ],
    ['United Cities and Local Governments', 'UCLG', 'ES', 'Barcelona', 'https://www.uclg.org'],
    ['Mercociudades', null, 'UY', 'Montevideo', 'https://mercociudades.org'],
    ['Energy Cities', null, 'FR', 'Besançon', 'https://energy-cities.eu'],
    ['Council of European Municipalities and Regions', 'CEMR', 'BE', 'Bruxelles', 'https://www.ccre.org'],
    [
      'Covenant of Mayors for Climate & Energy Europe',
      null,
      'BE',
      'Bruxelles',
      'https://eu-mayors.ec.europa.eu',
    ],
    ['UNESCO Creative Cities Network', 'UCCN', 'FR', 'Paris', 'https://www.unesco.org/en/creative-cities'],
    ['C40 Cities', 'C40', 'GB', 'London', 'https://www.c40.org'],
    ['Red Española de Ciudades por el Clima', null, 'ES', 'Madrid', 'https://redciudadesclima.es'],
    ['Asociación de Municipios Vascos', 'EUDEL', 'ES', 'Bilbao', 'https://www.eudel.eus'],
    ['Federación Española de Municipios y Provincias', 'FEMP', 'ES', 'Madrid', 'https://www.femp.es'],
    ['Associazione Nazionale Comuni Italiani', 'ANCI', 'IT', 'Roma', 'https://www.anci.it'],
    ['Associação Nacional de Municípios Portugueses', 'ANMP', 'PT', 'Coimbra', 'https://www.anmp.pt'],
    ['France urbaine', null, 'FR', 'Paris', 'https://franceurbaine.org'],
    ['Związek Miast Polskich', 'ZMP', 'PL', 'Poznań', 'https://www.zmp.poznan.pl'],
    [
      'Kuntaliitto – Association of Finnish Municipalities',
      null,
      'FI',
      'Helsinki',
      'https://www.kuntaliitto.fi',
    ],
    ['Asocapitales', null, 'CO', 'Bogotá', 'https://asocapitales.co'],
    ['Union of the Baltic Cities', 'UBC', 'PL', 'Gdańsk', 'https://www.ubc.net'],
    ['Cities for Digital Rights', null, 'ES', 'Barcelona', 'https://citiesfordigitalrights.org'],
    ['Eurotowns', null, 'BE', null, 'https://www.eurotowns.org'],
  ],
  local_authority: [
    ['Diputación Foral de Gipuzkoa', null, 'ES', 'Donostia / San Sebastián', 'https://www.gipuzkoa.eus'],
    [
      'Fomento de San Sebastián',
      null,
      'ES',
      'Donostia / San Sebastián',
      'https://www.fomentosansebastian.eus',
    ],
    ['Área Metropolitana de Barcelona', 'AMB', 'ES', 'Barcelona', 'https://www.amb.cat'],
    ['Barcelona Activa', null, 'ES', 'Barcelona', 'https://www.barcelonactiva.cat'],
    ['Generalitat de Catalunya', null, 'ES', 'Barcelona', 'https://web.gencat.cat'],
    ['Área Metropolitana del Valle de Aburrá', null, 'CO', 'Medellín', 'https://www.metropol.gov.co'],
    ['Ruta N Medellín', null, 'CO', 'Medellín', 'https://www.rutanmedellin.org'],
    ['Gobernación de Antioquia', null, 'CO', 'Medellín', 'https://www.antioquia.gov.co'],
    ['Área Metropolitana do Porto', 'AMP', 'PT', 'Porto', 'https://portal.amp.pt'],
    ['Porto Digital', null, 'PT', 'Porto', 'https://portodigital.pt'],
    ['Città metropolitana di Bologna', null, 'IT', 'Bologna', 'https://www.cittametropolitana.bo.it'],
    ['Regione Emilia-Romagna', null, 'IT', 'Bologna', 'https://www.regione.emilia-romagna.it'],
    ['Fondazione Innovazione Urbana', 'FIU', 'IT', 'Bologna', 'https://www.fondazioneinnovazioneurbana.it'],
    ['Métropole de Lyon', null, 'FR', 'Lyon', 'https://www.grandlyon.com'],
    ['Région Auvergne-Rhône-Alpes', null, 'FR', 'Lyon', 'https://www.auvergnerhonealpes.fr'],
    ['Urząd Marszałkowski Województwa Pomorskiego', null, 'PL', 'Gdańsk', 'https://pomorskie.eu'],
    ['Gdańsk Entrepreneurship Foundation', null, 'PL', 'Gdańsk', 'https://www.gdanskpartnership.pl'],
    ['Pirkanmaan liitto – Council of Tampere Region', null, 'FI', 'Tampere', 'https://www.pirkanmaa.fi'],
    ['Business Tampere', null, 'FI', 'Tampere', 'https://businesstampere.com'],
  ],
  national_authority: [
    ['Ministerio de Vivienda y Agenda Urbana', 'MIVAU', 'ES', 'Madrid', 'https://www.mivau.gob.es'],
    ['Ministerio de Cultura', null, 'ES', 'Madrid', 'https://www.cultura.gob.es'],
    ['Departamento Nacional de Planeación', 'DNP', 'CO', 'Bogotá', 'https://www.dnp.gov.co'],
    ['Agência para o Desenvolvimento e Coesão', 'AD&C', 'PT', 'Lisboa', 'https://www.adcoesao.pt'],
    ['Ministero della Cultura', 'MiC', 'IT', 'Roma', 'https://cultura.gov.it'],
    [
      'Agence nationale de la cohésion des territoires',
      'ANCT',
      'FR',
      'Paris',
      'https://agence-cohesion-territoires.gouv.fr',
    ],
    [
      'Ministerstwo Funduszy i Polityki Regionalnej',
      null,
      'PL',
      'Warszawa',
      'https://www.gov.pl/web/fundusze-regiony',
    ],
    ['Ympäristöministeriö – Ministry of the Environment', 'YM', 'FI', 'Helsinki', 'https://ym.fi'],
  ],
  eu_institution: [
    [
      'European Commission – DG Regional and Urban Policy',
      'DG REGIO',
      'BE',
      'Bruxelles',
      'https://commission.europa.eu/about/departments-and-executive-agencies/regional-and-urban-policy_en',
    ],
    ['European Committee of the Regions', 'CoR', 'BE', 'Bruxelles', 'https://cor.europa.eu'],
    [
      'European Parliament – Committee on Regional Development',
      'REGI',
      'BE',
      'Bruxelles',
      'https://www.europarl.europa.eu/committees/en/regi',
    ],
    [
      'Urban Agenda for the EU – Culture and Cultural Heritage Partnership',
      null,
      'BE',
      null,
      'https://futurium.ec.europa.eu/en/urban-agenda/culture-cultural-heritage',
    ],
    ['Urban Agenda for the EU – Sustainable Use of Land Partnership', null, 'BE', null, null],
    ['European Urban Initiative', 'EUI', 'FR', 'Lille', 'https://www.urban-initiative.eu'],
    ['Joint Research Centre – Urban Data Platform', 'JRC', 'IT', 'Ispra', null],
    ['European Investment Bank – Urban Development', 'EIB', 'LU', 'Luxembourg', 'https://www.eib.org'],
    ['New European Bauhaus', 'NEB', 'BE', 'Bruxelles', 'https://new-european-bauhaus.europa.eu'],
  ],
  media: [
    ['El Diario Vasco', null, 'ES', 'Donostia / San Sebastián', 'https://www.diariovasco.com'],
    ['Berria', null, 'ES', 'Andoain', 'https://www.berria.eus'],
    ['La Vanguardia', null, 'ES', 'Barcelona', 'https://www.lavanguardia.com'],
    ['Betevé', null, 'ES', 'Barcelona', 'https://beteve.cat'],
    ['El Colombiano', null, 'CO', 'Medellín', 'https://www.elcolombiano.com'],
    ['Telemedellín', null, 'CO', 'Medellín', 'https://telemedellin.tv'],
    ['Jornal de Notícias', 'JN', 'PT', 'Porto', 'https://www.jn.pt'],
    ['Público', null, 'PT', 'Lisboa', 'https://www.publico.pt'],
    ['Il Resto del Carlino', null, 'IT', 'Bologna', 'https://www.ilrestodelcarlino.it'],
    ['Le Progrès', null, 'FR', 'Lyon', 'https://www.leprogres.fr'],
    ['Lyon Capitale', null, 'FR', 'Lyon', 'https://www.lyoncapitale.fr'],
    ['Dziennik Bałtycki', null, 'PL', 'Gdańsk', 'https://dziennikbaltycki.pl'],
    ['Aamulehti', null, 'FI', 'Tampere', 'https://www.aamulehti.fi'],
    ['Cities Today', null, 'GB', 'London', 'https://cities-today.com'],
    ['Euractiv', null, 'BE', 'Bruxelles', 'https://www.euractiv.com'],
    ['Politico Europe', null, 'BE', 'Bruxelles', 'https://www.politico.eu'],
    ['Citiscope', null, 'US', null, null],
  ],
  ngo: [
    ['Culture Action Europe', 'CAE', 'BE', 'Bruxelles', 'https://cultureactioneurope.org'],
    ['Europa Nostra', null, 'NL', 'Den Haag', 'https://www.europanostra.org'],
    ['Housing Europe', null, 'BE', 'Bruxelles', 'https://www.housingeurope.eu'],
    ['Fundación Kutxa', null, 'ES', 'Donostia / San Sebastián', 'https://www.kutxafundazioa.eus'],
    [
      'Tabakalera – Centro Internacional de Cultura Contemporánea',
      null,
      'ES',
      'Donostia / San Sebastián',
      'https://www.tabakalera.eus',
    ],
    ['Fundació Tot Raval', null, 'ES', 'Barcelona', 'https://www.totraval.org'],
    ['Fundación Proantioquia', null, 'CO', 'Medellín', 'https://www.proantioquia.org.co'],
    ['Fundação de Serralves', null, 'PT', 'Porto', 'https://www.serralves.pt'],
    ['Legambiente Emilia-Romagna', null, 'IT', 'Bologna', 'https://www.legambiente.emiliaromagna.it'],
    ['Habitat et Humanisme Rhône', null, 'FR', 'Lyon', 'https://www.habitat-humanisme.org'],
    ['Europejskie Centrum Solidarności', 'ECS', 'PL', 'Gdańsk', 'https://ecs.gda.pl'],
    ['Tampereen Kaupunkilähetys', null, 'FI', 'Tampere', 'https://kaupunkilahetys.fi'],
    ['Impact Hub Donostia', null, 'ES', 'Donostia / San Sebastián', 'https://donostia.impacthub.net'],
    ['Open Knowledge Foundation', 'OKF', 'GB', 'London', 'https://okfn.org'],
  ],
  business: [
    ['Mondragon Corporation', null, 'ES', 'Arrasate-Mondragón', 'https://www.mondragon-corporation.com'],
    ['Tecnalia', null, 'ES', 'Donostia / San Sebastián', 'https://www.tecnalia.com'],
    ['Eurecat', null, 'ES', 'Barcelona', 'https://eurecat.org'],
    [
      'Cámara de Comercio de Medellín para Antioquia',
      null,
      'CO',
      'Medellín',
      'https://www.camaramedellin.com.co',
    ],
    [
      'UPTEC – Parque de Ciência e Tecnologia da Universidade do Porto',
      'UPTEC',
      'PT',
      'Porto',
      'https://uptec.up.pt',
    ],
    ['BolognaFiere', null, 'IT', 'Bologna', 'https://www.bolognafiere.it'],
    ['Lyon French Tech', null, 'FR', 'Lyon', 'https://www.lyonfrenchtech.com'],
    ['Pomorski Park Naukowo-Technologiczny', 'PPNT', 'PL', 'Gdynia', 'https://ppnt.pl'],
    ['Tredu Tampere Vocational College', null, 'FI', 'Tampere', 'https://tredu.fi'],
  ],
  citizen_group: [
    ['Egia Auzo Elkartea', null, 'ES', 'Donostia / San Sebastián', null],
    ['Plataforma Veïnal del Poblenou', null, 'ES', 'Barcelona', null],
    ['Casa Kolacho – Comuna 13', null, 'CO', 'Medellín', null],
    ['Associação de Moradores da Ribeira', null, 'PT', 'Porto', null],
    ['Social Street Bologna', null, 'IT', 'Bologna', 'https://www.socialstreet.it'],
    ['Collectif Pentes de la Croix-Rousse', null, 'FR', 'Lyon', null],
    ['Rada Dzielnicy Wrzeszcz', null, 'PL', 'Gdańsk', null],
    ['Hervannan asukasyhdistys', null, 'FI', 'Tampere', null],
  ],
  other: [
    ['San Telmo Museoa', null, 'ES', 'Donostia / San Sebastián', 'https://www.santelmomuseoa.eus'],
    ['Museu d’Art Contemporani de Barcelona', 'MACBA', 'ES', 'Barcelona', 'https://www.macba.cat'],
    ['Parque Explora', null, 'CO', 'Medellín', 'https://www.parqueexplora.org'],
    ['MAMbo – Museo d’Arte Moderna di Bologna', 'MAMbo', 'IT', 'Bologna', 'https://www.mambo-bologna.org'],
    ['Musée des Confluences', null, 'FR', 'Lyon', 'https://www.museedesconfluences.fr'],
    ['Vapriikki Museum Centre', null, 'FI', 'Tampere', 'https://www.vapriikki.fi'],
  ],
}

/** Cities whose councils a city network would know: each is a local authority stakeholder. */
const europeanCities: [string, string][] = [
  ['Bilbao', 'ES'],
  ['Vitoria-Gasteiz', 'ES'],
  ['Pamplona', 'ES'],
  ['Valencia', 'ES'],
  ['Sevilla', 'ES'],
  ['Zaragoza', 'ES'],
  ['Girona', 'ES'],
  ['Málaga', 'ES'],
  ['Lisboa', 'PT'],
  ['Braga', 'PT'],
  ['Coimbra', 'PT'],
  ['Guimarães', 'PT'],
  ['Aveiro', 'PT'],
  ['Torino', 'IT'],
  ['Milano', 'IT'],
  ['Firenze', 'IT'],
  ['Napoli', 'IT'],
  ['Modena', 'IT'],
  ['Genova', 'IT'],
  ['Parma', 'IT'],
  ['Marseille', 'FR'],
  ['Nantes', 'FR'],
  ['Grenoble', 'FR'],
  ['Bordeaux', 'FR'],
  ['Strasbourg', 'FR'],
  ['Lille', 'FR'],
  ['Kraków', 'PL'],
  ['Wrocław', 'PL'],
  ['Poznań', 'PL'],
  ['Łódź', 'PL'],
  ['Gdynia', 'PL'],
  ['Lublin', 'PL'],
  ['Helsinki', 'FI'],
  ['Turku', 'FI'],
  ['Oulu', 'FI'],
  ['Espoo', 'FI'],
  ['Bogotá', 'CO'],
  ['Cali', 'CO'],
  ['Barranquilla', 'CO'],
  ['Cartagena', 'CO'],
  ['Rotterdam', 'NL'],
  ['Utrecht', 'NL'],
  ['Gent', 'BE'],
  ['Antwerpen', 'BE'],
  ['Wien', 'AT'],
  ['Graz', 'AT'],
  ['Leipzig', 'DE'],
  ['Dresden', 'DE'],
  ['Tallinn', 'EE'],
  ['Riga', 'LV'],
  ['Vilnius', 'LT'],
  ['Cluj-Napoca', 'RO'],
  ['Ljubljana', 'SI'],
  ['Zagreb', 'HR'],
  ['Brno', 'CZ'],
  ['Aarhus', 'DK'],
  ['Malmö', 'SE'],
  ['Cork', 'IE'],
  ['Thessaloniki', 'GR'],
  ['Valletta', 'MT'],
]

const cityPrefix: Record<string, string> = {
  ES: 'Ayuntamiento de',
  PT: 'Câmara Municipal de',
  IT: 'Comune di',
  FR: 'Ville de',
  PL: 'Urząd Miejski w',
  FI: 'City of',
  CO: 'Alcaldía de',
  NL: 'Gemeente',
  BE: 'Stad',
  AT: 'Stadt',
  DE: 'Stadt',
  EE: 'City of',
  LV: 'City of',
  LT: 'City of',
  RO: 'Primăria',
  SI: 'Mestna občina',
  HR: 'Grad',
  CZ: 'Statutární město',
  DK: 'Aarhus Kommune',
  SE: 'City of',
  IE: 'City of',
  GR: 'Municipality of',
  MT: 'City of',
}

/** Local media and cultural organisations of other cities, to make the register the size of a real one. */
const extraKinds: { category: CategoryKey; pattern: (city: string) => string }[] = [
  { category: 'media', pattern: (c) => `Radio ${c}` },
  { category: 'ngo', pattern: (c) => `${c} Urban Lab` },
  { category: 'business', pattern: (c) => `${c} Chamber of Commerce` },
  { category: 'citizen_group', pattern: (c) => `Friends of ${c} Old Town` },
]

const firstNames = [
  'Ane',
  'Jon',
  'Miren',
  'Núria',
  'Jordi',
  'Carla',
  'Andrés',
  'Valentina',
  'João',
  'Inês',
  'Giulia',
  'Marco',
  'Camille',
  'Étienne',
  'Zofia',
  'Paweł',
  'Aino',
  'Mikko',
  'Sofía',
  'Luis',
]
const lastNames = [
  'Arrieta',
  'Zubiaurre',
  'Puig',
  'Ferrer',
  'Restrepo',
  'Gómez',
  'Silva',
  'Carvalho',
  'Rossi',
  'Bianchi',
  'Lefèvre',
  'Moreau',
  'Kowalska',
  'Nowak',
  'Virtanen',
  'Mäkinen',
  'Ortega',
  'Duarte',
  'Conti',
  'Garnier',
]
const positions = [
  'Director',
  'Head of Communications',
  'Project Manager',
  'International Relations Officer',
  'Researcher',
  'Press Officer',
  'Policy Officer',
  'Coordinator',
]
const basisSources = [
  'Business card at the partner meeting',
  'Introduced by the lead partner',
  'Public website contact page',
  'Signed up at the webinar',
  'E-mail exchange about the policy clinic',
]

const scaleFor: Record<CategoryKey, Scale[]> = {
  university: ['regional', 'national', 'european'],
  interreg_project: ['european'],
  urbact_network: ['european'],
  horizon_project: ['european'],
  eu_funded_project: ['european', 'global'],
  city_network: ['national', 'european', 'global'],
  local_authority: ['local', 'regional'],
  national_authority: ['national'],
  eu_institution: ['european'],
  media: ['local', 'regional', 'national', 'european'],
  ngo: ['local', 'regional', 'european'],
  business: ['local', 'regional', 'national'],
  citizen_group: ['local'],
  other: ['local', 'regional'],
}

const languageOf: Record<string, string> = {
  ES: 'es',
  PT: 'pt',
  IT: 'it',
  FR: 'fr',
  PL: 'pl',
  FI: 'fi',
  CO: 'es',
  BE: 'fr',
  NL: 'nl',
  DE: 'de',
  AT: 'de',
}

const stageWeights: Stage[] = [
  'identified',
  'identified',
  'identified',
  'contacted',
  'contacted',
  'engaged',
  'engaged',
  'collaborating',
  'dormant',
]

/** Categories first, then a few hundred stakeholders of every category, owned by the partners of their country. */
export function seedStakeholders(db: DB, core: CoreSeed, random: Random) {
  const categoryIds = new Map<string, number>()
  builtInCategories.forEach((c, i) => {
    const id = db
      .insert(stakeholderCategories)
      .values({ key: c.key, name: c.name, isFundedProject: c.isFundedProject, sortOrder: (i + 1) * 10 })
      .returning({ id: stakeholderCategories.id })
      .get().id
    categoryIds.set(c.key, id)
  })

  const comms = core.actorFor('comms@demo.ripple')
  const partnerByCountry = new Map<string, number[]>()
  const partnerCity = new Map<string, number>([
    ['Donostia / San Sebastián', core.partnerIds.get('San Sebastián')!],
    ['Barcelona', core.partnerIds.get('Barcelona')!],
    ['Medellín', core.partnerIds.get('Medellín')!],
    ['Porto', core.partnerIds.get('Porto')!],
    ['Bologna', core.partnerIds.get('Bologna')!],
    ['Lyon', core.partnerIds.get('Lyon')!],
    ['Gdańsk', core.partnerIds.get('Gdańsk')!],
    ['Tampere', core.partnerIds.get('Tampere')!],
  ])
  const countryOfPartner: [string, string][] = [
    ['San Sebastián', 'ES'],
    ['Barcelona', 'ES'],
    ['Medellín', 'CO'],
    ['Porto', 'PT'],
    ['Bologna', 'IT'],
    ['Lyon', 'FR'],
    ['Gdańsk', 'PL'],
    ['Tampere', 'FI'],
  ]
  for (const [name, country] of countryOfPartner)
    partnerByCountry.set(country, [...(partnerByCountry.get(country) ?? []), core.partnerIds.get(name)!])
  const allPartners = [...core.partnerIds.values()]

  const rows: { category: CategoryKey; row: Row }[] = []
  for (const c of builtInCategories) for (const row of catalogue[c.key]) rows.push({ category: c.key, row })
  for (const [city, country] of europeanCities) {
    const prefix = cityPrefix[country] ?? 'City of'
    const name = prefix.endsWith('Kommune') ? prefix : `${prefix} ${city}`
    rows.push({ category: 'local_authority', row: [name, null, country, city, null] })
  }
  for (const [city, country] of europeanCities.slice(0, 40)) {
    const kind = extraKinds[rows.length % extraKinds.length]
    rows.push({ category: kind.category, row: [kind.pattern(city), null, country, city, null] })
  }
  // Likely duplicates, as a real spreadsheet has them: the duplicates page has something to merge.
  rows.push({ category: 'university', row: ['Universidad de Deusto.', null, 'ES', 'Bilbao', 'deusto.es/en'] })
  rows.push({
    category: 'city_network',
    row: ['EUROCITIES asbl', null, 'BE', 'Brussels', 'https://www.eurocities.eu/'],
  })
  rows.push({
    category: 'university',
    row: ['University of Porto', 'UP', 'PT', 'Porto', 'https://sigarra.up.pt'],
  })
  rows.push({
    category: 'media',
    row: ['Diario Vasco', null, 'ES', 'San Sebastián', 'https://diariovasco.com'],
  })

  const created: { id: number; category: CategoryKey; country: string }[] = []
  for (const { category, row } of rows) {
    const [name, acronym, country, city, website] = row
    const owners =
      (city && partnerCity.get(city) && [partnerCity.get(city)!]) || partnerByCountry.get(country) || []
    const ownerPartnerId = owners.length
      ? random.pick(owners)
      : random.chance(0.5)
        ? random.pick(allPartners)
        : undefined
    const funded = builtInCategories.find((c) => c.key === category)!.isFundedProject
    const start = 2014 + 7 * random.int(0, 1)
    const id = createStakeholder(
      db,
      {
        name,
        acronym: acronym ?? undefined,
        categoryId: categoryIds.get(category)!,
        programme: funded ? programmeFor(category) : undefined,
        period: funded ? `${start}-${start + 6}` : undefined,
        scale: random.pick(scaleFor[category]),
        country,
        city: city ?? undefined,
        website: website ? (/^https?:/.test(website) ? website : `https://${website}`) : undefined,
        description: undefined,
        themeIds: random.some(core.themeIds, 0, 3),
        languages: [...new Set([languageOf[country] ?? 'en', ...(random.chance(0.5) ? ['en'] : [])])],
        ownerPartnerId,
        stage: random.pick(stageWeights),
      },
      comms,
    )
    created.push({ id, category, country })
  }

  // Contacts with their GDPR record at about a third of the stakeholders.
  let n = 0
  for (const s of created) {
    if (!random.chance(0.35)) continue
    for (let i = random.int(1, 2); i > 0; i--) {
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      const basis: LawfulBasis = random.pick([
        'consent',
        'legitimate_interest',
        'legitimate_interest',
        'public_task',
      ])
      n++
      createContact(
        db,
        s.id,
        {
          name: `${first} ${last}`,
          position: random.pick(positions),
          email: `${normalizeForEmail(first)}.${normalizeForEmail(last)}${n}@example.org`,
          phone: random.chance(0.5)
            ? `+${random.int(30, 58)} ${random.int(600, 699)} ${random.int(100, 999)} ${random.int(100, 999)}`
            : undefined,
          languages: [languageOf[s.country] ?? 'en'],
          lawfulBasis: basis,
          basisObtainedAt: `2025-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          basisSource: random.pick(basisSources),
          doNotContact: random.chance(0.05),
          notes: undefined,
        },
        comms,
      )
    }
  }
  // The same person entered twice under two stakeholders: a duplicate found by e-mail.
  const deusto = created[0].id
  const deustoAgain = created.find((c, i) => i > 0 && rows[i].row[0] === 'Universidad de Deusto.')!.id
  for (const stakeholderId of [deusto, deustoAgain]) {
    createContact(
      db,
      stakeholderId,
      {
        name: 'Itziar Larrañaga',
        position: 'Head of International Relations',
        email: stakeholderId === deusto ? 'itziar.larranaga@deusto.es' : 'Itziar.Larranaga@deusto.es',
        languages: ['es', 'eu', 'en'],
        lawfulBasis: 'legitimate_interest',
        basisObtainedAt: '2025-03-14',
        basisSource: 'Partner meeting in San Sebastián',
        doNotContact: false,
      },
      comms,
    )
  }
}

function programmeFor(category: CategoryKey) {
  return (
    {
      interreg_project: 'Interreg Europe',
      urbact_network: 'URBACT',
      horizon_project: 'Horizon Europe',
      eu_funded_project: 'Creative Europe',
    } as Record<string, string>
  )[category]
}

function normalizeForEmail(s: string) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}
