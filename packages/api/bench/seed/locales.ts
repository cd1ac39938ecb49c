/**
 * Name, address and phone material for realistic customers: the scripts and countries a merchant paid in
 * crypto really sees. Names in non-Latin scripts carry a romanisation (`native|latin`) for the email address.
 */

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string
  callingCode: string
  /** Leading digits of mobile numbers; the rest of the national number is random. */
  mobile: string[]
  /** Digits of the national number, and how they are grouped when written. */
  group: number[]
  timezones: string[]
  fiat: string
  cities: string[]
  /** Postal code pattern: 9 is a digit, A a letter. */
  postal: string
  /** Local email providers, used alongside the global ones. */
  domains: string[]
  companySuffixes: string[]
  /** EU VAT number prefix. */
  vat?: string
}

export interface Locale {
  id: string
  weight: number
  countries: [code: string, weight: number][]
  first: Name[]
  last: Name[]
  /** Family name written first (East Asia, Hungary, Vietnam). */
  familyFirst: boolean
  /** Between the parts of a name: '' where the script is written without spaces. */
  separator: string
  /** Share of customers of this locale who type their name in Latin letters anyway. */
  latinShare: number
  streets: string[]
  numberFirst: boolean
}

export interface Name {
  native: string
  latin: string
}

function names(list: string): Name[] {
  return list.split(',').map((entry) => {
    const [native, latin] = entry.trim().split('|') as [string, string | undefined]
    return { native, latin: latin ?? native }
  })
}

// Node's ICU lists some zones under their older names (Asia/Calcutta): take the first spelling it knows,
// since the API validates time zones against the same list.
const knownZones = new Set(Intl.supportedValuesOf('timeZone'))
const supportedZone = (spellings: string) => {
  const options = spellings.split('|')
  return options.find((z) => knownZones.has(z)) ?? options[0]!
}

const c = (
  code: string,
  callingCode: string,
  mobile: string,
  group: number[],
  timezones: string,
  fiat: string,
  cities: string,
  postal: string,
  domains: string,
  companySuffixes: string,
  vat?: string,
): Country => ({
  code,
  callingCode,
  mobile: mobile.split(' '),
  group,
  timezones: timezones.split(' ').map(supportedZone),
  fiat,
  cities: cities.split(','),
  postal,
  domains: domains ? domains.split(' ') : [],
  companySuffixes: companySuffixes.split(','),
  ...(vat ? { vat } : {}),
})

// biome-ignore format: one country per line reads as a table
export const countries: Record<string, Country> = Object.fromEntries(
  [
    c('US', '1', '201 212 305 312 415 512 617 646 702 718 917', [3, 3, 4], 'America/New_York America/Chicago America/Denver America/Los_Angeles', 'USD', 'New York,Austin,San Francisco,Chicago,Miami,Seattle,Denver', '99999', '', 'Inc.,LLC,Corp.'),
    c('GB', '44', '74 75 77 78 79', [4, 6], 'Europe/London', 'GBP', 'London,Manchester,Bristol,Leeds,Edinburgh', 'A9 9AA', 'btinternet.com', 'Ltd,LLP,plc'),
    c('CA', '1', '416 514 604 613 647 778', [3, 3, 4], 'America/Toronto America/Vancouver', 'CAD', 'Toronto,Vancouver,Montreal,Calgary,Ottawa', 'A9A 9A9', '', 'Inc.,Ltd.'),
    c('AU', '61', '4', [3, 3, 3], 'Australia/Sydney Australia/Melbourne Australia/Perth', 'AUD', 'Sydney,Melbourne,Brisbane,Perth', '9999', 'bigpond.com', 'Pty Ltd'),
    c('IE', '353', '83 85 86 87', [2, 3, 4], 'Europe/Dublin', 'EUR', 'Dublin,Cork,Galway', 'A99 A9A9', 'eircom.net', 'Ltd,DAC', 'IE'),
    c('NZ', '64', '21 22 27', [2, 3, 4], 'Pacific/Auckland', 'NZD', 'Auckland,Wellington,Christchurch', '9999', 'xtra.co.nz', 'Ltd'),
    c('ES', '34', '6 7', [3, 3, 3], 'Europe/Madrid', 'EUR', 'Madrid,Barcelona,Valencia,Sevilla,Bilbao', '99999', 'telefonica.net', 'S.L.,S.A.', 'ES'),
    c('MX', '52', '55 33 81', [2, 4, 4], 'America/Mexico_City', 'MXN', 'Ciudad de México,Guadalajara,Monterrey,Puebla', '99999', 'prodigy.net.mx', 'S.A. de C.V.'),
    c('AR', '54', '911', [3, 4, 4], 'America/Argentina/Buenos_Aires|America/Buenos_Aires', 'ARS', 'Buenos Aires,Córdoba,Rosario,Mendoza', 'A9999AAA', 'fibertel.com.ar', 'S.R.L.,S.A.'),
    c('CO', '57', '30 31 32', [3, 3, 4], 'America/Bogota', 'COP', 'Bogotá,Medellín,Cali', '999999', '', 'S.A.S.'),
    c('CL', '56', '9', [1, 4, 4], 'America/Santiago', 'CLP', 'Santiago,Valparaíso,Concepción', '9999999', '', 'SpA,Ltda.'),
    c('BR', '55', '119 219 319 419 519', [2, 5, 4], 'America/Sao_Paulo', 'BRL', 'São Paulo,Rio de Janeiro,Belo Horizonte,Curitiba,Porto Alegre', '99999-999', 'uol.com.br bol.com.br', 'Ltda.,S.A.'),
    c('PT', '351', '91 92 93 96', [3, 3, 3], 'Europe/Lisbon', 'EUR', 'Lisboa,Porto,Braga,Coimbra', '9999-999', 'sapo.pt', 'Lda.,S.A.', 'PT'),
    c('DE', '49', '151 152 160 170 171 176', [3, 8], 'Europe/Berlin', 'EUR', 'Berlin,München,Hamburg,Köln,Frankfurt am Main,Leipzig', '99999', 'gmx.de web.de t-online.de', 'GmbH,AG,UG,KG', 'DE'),
    c('AT', '43', '650 660 664 676', [3, 7], 'Europe/Vienna', 'EUR', 'Wien,Graz,Linz,Salzburg', '9999', 'gmx.at', 'GmbH,AG', 'AT'),
    c('CH', '41', '76 77 78 79', [2, 3, 2, 2], 'Europe/Zurich', 'CHF', 'Zürich,Genève,Basel,Zug,Lausanne', '9999', 'bluewin.ch', 'AG,GmbH,SA'),
    c('FR', '33', '6 7', [1, 2, 2, 2, 2], 'Europe/Paris', 'EUR', 'Paris,Lyon,Marseille,Toulouse,Bordeaux,Lille', '99999', 'orange.fr free.fr laposte.net', 'SAS,SARL,SA', 'FR'),
    c('BE', '32', '47 48 49', [3, 2, 2, 2], 'Europe/Brussels', 'EUR', 'Bruxelles,Antwerpen,Gent,Liège', '9999', 'skynet.be', 'BV,SRL,NV', 'BE'),
    c('LU', '352', '621 661 691', [3, 3, 3], 'Europe/Luxembourg', 'EUR', 'Luxembourg,Esch-sur-Alzette', '9999', '', 'S.à r.l.,S.A.', 'LU'),
    c('IT', '39', '32 33 34 35 36 38', [3, 3, 4], 'Europe/Rome', 'EUR', 'Roma,Milano,Napoli,Torino,Bologna,Firenze', '99999', 'libero.it virgilio.it', 'S.r.l.,S.p.A.', 'IT'),
    c('NL', '31', '6', [1, 8], 'Europe/Amsterdam', 'EUR', 'Amsterdam,Rotterdam,Utrecht,Den Haag,Eindhoven', '9999 AA', 'ziggo.nl kpnmail.nl', 'B.V.,N.V.', 'NL'),
    c('PL', '48', '50 51 53 60 66 69 72 78 88', [3, 3, 3], 'Europe/Warsaw', 'PLN', 'Warszawa,Kraków,Wrocław,Gdańsk,Poznań', '99-999', 'wp.pl onet.pl interia.pl', 'sp. z o.o.,S.A.', 'PL'),
    c('TR', '90', '53 54 55', [3, 3, 4], 'Europe/Istanbul', 'TRY', 'İstanbul,Ankara,İzmir,Antalya,Bursa', '99999', '', 'A.Ş.,Ltd. Şti.'),
    c('SE', '46', '70 72 73 76', [2, 3, 2, 2], 'Europe/Stockholm', 'SEK', 'Stockholm,Göteborg,Malmö,Uppsala', '999 99', 'telia.com', 'AB', 'SE'),
    c('NO', '47', '4 9', [3, 2, 3], 'Europe/Oslo', 'NOK', 'Oslo,Bergen,Trondheim,Stavanger', '9999', 'online.no', 'AS'),
    c('DK', '45', '2 3 4 5', [2, 2, 2, 2], 'Europe/Copenhagen', 'DKK', 'København,Aarhus,Odense', '9999', '', 'ApS,A/S', 'DK'),
    c('FI', '358', '40 44 45 50', [2, 3, 4], 'Europe/Helsinki', 'EUR', 'Helsinki,Espoo,Tampere,Turku', '99999', '', 'Oy,Oyj', 'FI'),
    c('RU', '7', '9', [3, 3, 2, 2], 'Europe/Moscow Asia/Yekaterinburg Asia/Novosibirsk', 'RUB', 'Moscow,Saint Petersburg,Kazan,Novosibirsk,Yekaterinburg', '999999', 'yandex.ru mail.ru', 'LLC'),
    c('KZ', '7', '70 77', [3, 3, 2, 2], 'Asia/Almaty', 'KZT', 'Almaty,Astana,Shymkent', '999999', 'mail.kz', 'LLP'),
    c('BY', '375', '25 29 33 44', [2, 3, 2, 2], 'Europe/Minsk', 'BYN', 'Minsk,Grodno,Brest', '999999', 'tut.by', 'LLC'),
    c('UA', '380', '50 63 66 67 68 73 93 97', [2, 3, 2, 2], 'Europe/Kyiv|Europe/Kiev', 'UAH', 'Kyiv,Lviv,Odesa,Kharkiv,Dnipro', '99999', 'ukr.net i.ua', 'LLC,TOV'),
    c('CN', '86', '13 15 18', [3, 4, 4], 'Asia/Shanghai', 'CNY', 'Shanghai,Beijing,Shenzhen,Hangzhou,Guangzhou,Chengdu', '999999', 'qq.com 163.com 126.com', 'Co. Ltd.'),
    c('TW', '886', '9', [3, 3, 3], 'Asia/Taipei', 'TWD', 'Taipei,Kaohsiung,Taichung,Hsinchu', '999', 'yahoo.com.tw', 'Co. Ltd.'),
    c('SG', '65', '8 9', [4, 4], 'Asia/Singapore', 'SGD', 'Singapore', '999999', 'singnet.com.sg', 'Pte. Ltd.'),
    c('HK', '852', '5 6 9', [4, 4], 'Asia/Hong_Kong', 'HKD', 'Hong Kong,Kowloon', '', 'netvigator.com', 'Limited'),
    c('JP', '81', '70 80 90', [2, 4, 4], 'Asia/Tokyo', 'JPY', 'Tokyo,Osaka,Yokohama,Nagoya,Fukuoka,Sapporo', '999-9999', 'yahoo.co.jp docomo.ne.jp', 'K.K.,G.K.'),
    c('KR', '82', '10', [2, 4, 4], 'Asia/Seoul', 'KRW', 'Seoul,Busan,Incheon,Daegu,Seongnam', '99999', 'naver.com daum.net kakao.com', 'Co., Ltd.,Inc.'),
    c('AE', '971', '50 52 54 55 56 58', [2, 3, 4], 'Asia/Dubai', 'AED', 'Dubai,Abu Dhabi,Sharjah', '', '', 'LLC,FZ-LLC,DMCC'),
    c('SA', '966', '50 53 54 55 56', [2, 3, 4], 'Asia/Riyadh', 'SAR', 'Riyadh,Jeddah,Dammam', '99999', '', 'LLC'),
    c('EG', '20', '10 11 12 15', [2, 4, 4], 'Africa/Cairo', 'EGP', 'Cairo,Alexandria,Giza', '99999', '', 'S.A.E.,LLC'),
    c('JO', '962', '77 78 79', [1, 4, 4], 'Asia/Amman', 'JOD', 'Amman,Irbid', '99999', '', 'LLC'),
    c('QA', '974', '3 5 6 7', [4, 4], 'Asia/Qatar', 'QAR', 'Doha,Al Wakrah', '', '', 'W.L.L.,LLC'),
    c('IN', '91', '70 81 90 91 98 99', [5, 5], 'Asia/Kolkata|Asia/Calcutta', 'INR', 'Mumbai,Bengaluru,Delhi,Hyderabad,Chennai,Pune', '999999', 'rediffmail.com', 'Pvt. Ltd.,LLP'),
    c('GR', '30', '69', [3, 3, 4], 'Europe/Athens', 'EUR', 'Athens,Thessaloniki,Patras,Heraklion', '999 99', 'otenet.gr', 'IKE,AE', 'EL'),
    c('CY', '357', '96 97 99', [2, 6], 'Asia/Nicosia', 'EUR', 'Limassol,Nicosia,Larnaca', '9999', 'cytanet.com.cy', 'Ltd', 'CY'),
    c('IL', '972', '50 52 53 54 58', [2, 3, 4], 'Asia/Jerusalem', 'ILS', 'Tel Aviv,Jerusalem,Haifa', '9999999', 'walla.co.il', 'Ltd.'),
    c('TH', '66', '6 8 9', [2, 3, 4], 'Asia/Bangkok', 'THB', 'Bangkok,Chiang Mai,Phuket', '99999', '', 'Co., Ltd.'),
    c('VN', '84', '3 7 8 9', [2, 3, 4], 'Asia/Ho_Chi_Minh|Asia/Saigon', 'VND', 'Hà Nội,Hồ Chí Minh,Đà Nẵng', '999999', '', 'JSC,Co., Ltd.'),
    c('ID', '62', '81 82 85 87', [3, 4, 4], 'Asia/Jakarta', 'IDR', 'Jakarta,Surabaya,Bandung,Denpasar', '99999', '', 'PT,CV'),
    c('MY', '60', '11 12 16 17 19', [2, 3, 4], 'Asia/Kuala_Lumpur', 'MYR', 'Kuala Lumpur,Penang,Johor Bahru', '99999', '', 'Sdn. Bhd.'),
    c('NG', '234', '80 81 90 70', [3, 3, 4], 'Africa/Lagos', 'NGN', 'Lagos,Abuja,Port Harcourt,Ibadan', '999999', '', 'Ltd'),
    c('GH', '233', '20 24 50 54', [2, 3, 4], 'Africa/Accra', 'GHS', 'Accra,Kumasi', '', '', 'Ltd'),
    c('KE', '254', '70 71 72 79', [3, 6], 'Africa/Nairobi', 'KES', 'Nairobi,Mombasa,Kisumu', '99999', '', 'Ltd'),
    c('ZA', '27', '60 71 72 82 83', [2, 3, 4], 'Africa/Johannesburg', 'ZAR', 'Johannesburg,Cape Town,Durban,Pretoria', '9999', '', '(Pty) Ltd'),
  ].map((country) => [country.code, country]),
)

const EN_STREETS = [
  'Main St',
  'Oak Ave',
  'Maple Dr',
  'Park Rd',
  'High Street',
  'Church Lane',
  'Cedar Ct',
  'King St',
]

function locale(
  id: string,
  weight: number,
  countryWeights: string,
  first: string,
  last: string,
  opts: Partial<Pick<Locale, 'familyFirst' | 'separator' | 'latinShare' | 'streets' | 'numberFirst'>> = {},
): Locale {
  return {
    id,
    weight,
    countries: countryWeights.split(' ').map((cw) => {
      const [code, w] = cw.split(':') as [string, string]
      return [code, Number(w)]
    }),
    first: names(first),
    last: names(last),
    familyFirst: opts.familyFirst ?? false,
    separator: opts.separator ?? ' ',
    latinShare: opts.latinShare ?? 1,
    streets: opts.streets ?? EN_STREETS,
    numberFirst: opts.numberFirst ?? true,
  }
}

// biome-ignore format: one locale per line reads as a table
export const locales: Locale[] = [
  locale('en', 26, 'US:60 GB:18 CA:10 AU:8 IE:2 NZ:2', 'James,Mary,Robert,Patricia,John,Jennifer,Michael,Linda,David,Elizabeth,William,Barbara,Richard,Susan,Joseph,Jessica,Thomas,Sarah,Christopher,Karen,Daniel,Emily,Matthew,Olivia,Anthony,Emma,Mark,Ashley,Andrew,Chloe,Joshua,Megan,Ryan,Hannah,Liam,Grace,Noah,Sophie,Ethan,Amelia', "Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,Moore,Jackson,Martin,Lee,Thompson,White,Harris,Clark,Lewis,Robinson,Walker,Young,Allen,King,Wright,Scott,Hill,Green,Adams,Baker,Nelson,Carter,Mitchell,Roberts,Campbell,Evans,Turner,Parker,Collins,Edwards,Stewart,Murphy,Cook,O'Brien,Hughes,Kelly,Walsh"),
  locale('es', 7, 'ES:35 MX:30 AR:15 CO:12 CL:8', 'Sofía,Mateo,Valentina,Santiago,Camila,Sebastián,Lucía,Diego,Isabella,Alejandro,Martina,Nicolás,Daniela,Javier,Gabriela,Andrés,Carmen,José María,Pablo,Paula,Miguel,Elena,Carlos,Ana,Jorge', 'García,Rodríguez,Martínez,Hernández,López,González,Pérez,Sánchez,Ramírez,Torres,Flores,Rivera,Gómez,Díaz,Cruz,Morales,Reyes,Gutiérrez,Ortiz,Jiménez,Ruiz,Vargas,Castillo,Romero,Álvarez,Mendoza,Navarro', { streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia', 'Avenida Reforma'], numberFirst: false }),
  locale('pt', 6, 'BR:75 PT:25', 'João,Maria,Pedro,Ana,Lucas,Beatriz,Gabriel,Mariana,Rafael,Júlia,Matheus,Larissa,Thiago,Camila,Gustavo,Fernanda,Bruno,Letícia,Felipe,Inês,Tiago,Leonor', 'Silva,Santos,Oliveira,Souza,Pereira,Costa,Rodrigues,Almeida,Nascimento,Lima,Araújo,Fernandes,Carvalho,Gomes,Martins,Rocha,Ribeiro,Alves,Monteiro,Mendes,Barbosa,Cardoso,Teixeira,Correia', { streets: ['Rua Augusta', 'Avenida Paulista', 'Rua das Flores', 'Avenida da Liberdade', 'Rua do Comércio'], numberFirst: false }),
  locale('de', 6, 'DE:70 AT:15 CH:15', 'Lukas,Anna,Leon,Lena,Finn,Marie,Jonas,Laura,Paul,Julia,Felix,Sophie,Maximilian,Lea,Jan,Katharina,Tobias,Hannah,Niklas,Johanna,Jürgen,Sabine,Björn,Ursula', 'Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Weiß', { streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Lindenallee', 'Friedrichstraße'], numberFirst: false }),
  locale('fr', 4, 'FR:75 BE:18 LU:7', 'Gabriel,Louise,Léo,Emma,Raphaël,Jade,Arthur,Alice,Louis,Chloé,Jules,Léa,Hugo,Manon,Lucas,Camille,Mathis,Inès,Théo,Zoé,Étienne,Margaux,Antoine,Céline', 'Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefebvre,Michel,Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,André,Lefèvre,Mercier,Dupont,Lambert,Bonnet,François', { streets: ['rue de la Paix', 'avenue Victor Hugo', 'boulevard Saint-Germain', 'rue du Moulin', 'place de la République'] }),
  locale('it', 3, 'IT:100', 'Francesco,Giulia,Alessandro,Sofia,Lorenzo,Aurora,Leonardo,Alice,Mattia,Ginevra,Andrea,Emma,Gabriele,Giorgia,Riccardo,Martina,Tommaso,Chiara,Edoardo,Beatrice,Marco,Francesca', 'Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti,Barbieri,Fontana,Santoro,Mariani', { streets: ['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele', 'Via Dante', 'Piazza Mazzini'], numberFirst: false }),
  locale('nl', 2, 'NL:80 BE:20', 'Daan,Emma,Sem,Julia,Lucas,Tess,Levi,Sophie,Finn,Zoë,Milan,Fleur,Bram,Sanne,Thijs,Lotte,Jesse,Anouk,Ruben,Noor', 'de Jong,Jansen,de Vries,van den Berg,van Dijk,Bakker,Janssen,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer', { streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Prinsengracht', 'Molenweg'], numberFirst: false }),
  locale('pl', 2, 'PL:100', 'Jakub,Zuzanna,Antoni,Julia,Jan,Zofia,Szymon,Hanna,Franciszek,Maja,Filip,Lena,Aleksander,Alicja,Mikołaj,Oliwia,Wojciech,Natalia,Kacper,Wiktoria', 'Nowak,Kowalski,Wiśniewski,Wójcik,Kowalczyk,Kamiński,Lewandowski,Zieliński,Szymański,Woźniak,Dąbrowski,Kozłowski,Jankowski,Mazur,Kwiatkowski,Krawczyk,Piotrowski,Grabowski', { streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Polna', 'ul. Lipowa', 'al. Jerozolimskie'], numberFirst: false }),
  locale('tr', 2, 'TR:100', 'Yusuf,Zeynep,Eymen,Elif,Ömer,Defne,Mustafa,Asel,Mehmet,Azra,Emir,Ecrin,Ahmet,Nehir,Ali,Ayşe,Burak,Fatma,Can,Selin', 'Yılmaz,Kaya,Demir,Şahin,Çelik,Yıldız,Yıldırım,Öztürk,Aydın,Özdemir,Arslan,Doğan,Kılıç,Aslan,Çetin,Kara,Koç,Kurt,Özkan,Şimşek', { streets: ['Atatürk Caddesi', 'İstiklal Caddesi', 'Cumhuriyet Sokak', 'Bağdat Caddesi'], numberFirst: false }),
  locale('nordic', 2, 'SE:40 NO:20 DK:20 FI:20', 'Erik,Astrid,Lars,Ingrid,Nils,Sofia,Oskar,Freja,Magnus,Maja,Henrik,Saga,Johan,Elin,Mikkel,Sigrid,Aksel,Ida,Emil,Linnea', 'Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Hansen,Johansen,Olsen,Nielsen,Jensen,Pedersen,Virtanen,Korhonen,Lindqvist,Bergström,Sørensen,Halvorsen,Lindgren,Dahl', { streets: ['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Strandvejen', 'Mannerheimintie'], numberFirst: false }),
  locale('ru', 4, 'RU:80 KZ:12 BY:8', 'Александр|Aleksandr,Мария|Maria,Дмитрий|Dmitry,Анна|Anna,Максим|Maksim,Елена|Elena,Иван|Ivan,Ольга|Olga,Сергей|Sergey,Наталья|Natalia,Андрей|Andrey,Татьяна|Tatiana,Алексей|Alexey,Екатерина|Ekaterina,Михаил|Mikhail,Юлия|Yulia,Артём|Artem,Дарья|Daria,Никита|Nikita,Ксения|Ksenia', 'Иванов|Ivanov,Смирнов|Smirnov,Кузнецов|Kuznetsov,Попов|Popov,Васильев|Vasiliev,Петров|Petrov,Соколов|Sokolov,Михайлов|Mikhailov,Новиков|Novikov,Фёдоров|Fedorov,Морозов|Morozov,Волков|Volkov,Алексеев|Alekseev,Лебедев|Lebedev,Семёнов|Semenov,Егоров|Egorov,Павлов|Pavlov,Козлов|Kozlov,Степанов|Stepanov,Николаев|Nikolaev', { latinShare: 0.25, streets: ['ul. Tverskaya', 'Nevsky pr.', 'ul. Lenina', 'ul. Pushkina'], numberFirst: false }),
  locale('uk', 2, 'UA:100', 'Олександр|Oleksandr,Оксана|Oksana,Андрій|Andrii,Ірина|Iryna,Тарас|Taras,Наталія|Nataliia,Богдан|Bohdan,Юлія|Yuliia,Дмитро|Dmytro,Олена|Olena,Василь|Vasyl,Катерина|Kateryna', 'Шевченко|Shevchenko,Коваленко|Kovalenko,Бондаренко|Bondarenko,Ткаченко|Tkachenko,Кравченко|Kravchenko,Олійник|Oliinyk,Мельник|Melnyk,Бойко|Boiko,Коваль|Koval,Лисенко|Lysenko,Савченко|Savchenko,Марченко|Marchenko', { latinShare: 0.3, streets: ['vul. Khreshchatyk', 'vul. Shevchenka', 'vul. Franka'], numberFirst: false }),
  locale('zh', 5, 'CN:55 TW:20 SG:13 HK:12', '伟|Wei,芳|Fang,娜|Na,敏|Min,静|Jing,磊|Lei,强|Qiang,洋|Yang,艳|Yan,勇|Yong,军|Jun,杰|Jie,婷|Ting,浩然|Haoran,子涵|Zihan,欣怡|Xinyi,宇轩|Yuxuan,梓萱|Zixuan,俊杰|Junjie,雨桐|Yutong,志明|Zhiming,家豪|Jiahao,嘉欣|Jiaxin', '王|Wang,李|Li,张|Zhang,刘|Liu,陈|Chen,杨|Yang,黄|Huang,赵|Zhao,吴|Wu,周|Zhou,徐|Xu,孙|Sun,马|Ma,朱|Zhu,胡|Hu,郭|Guo,何|He,林|Lin,高|Gao,罗|Luo,郑|Zheng,梁|Liang', { familyFirst: true, separator: '', latinShare: 0.3, streets: ['Nanjing Road', 'Zhongshan Road', 'Jianguo Road', 'Renmin Avenue'] }),
  locale('ja', 4, 'JP:100', '翔|Sho,陽翔|Haruto,蓮|Ren,大翔|Hiroto,悠真|Yuma,結衣|Yui,陽菜|Hina,さくら|Sakura,美咲|Misaki,葵|Aoi,健太|Kenta,拓海|Takumi,花子|Hanako,太郎|Taro,由美|Yumi,直樹|Naoki,恵子|Keiko,翼|Tsubasa,優子|Yuko,誠|Makoto', '佐藤|Sato,鈴木|Suzuki,高橋|Takahashi,田中|Tanaka,伊藤|Ito,渡辺|Watanabe,山本|Yamamoto,中村|Nakamura,小林|Kobayashi,加藤|Kato,吉田|Yoshida,山田|Yamada,佐々木|Sasaki,山口|Yamaguchi,松本|Matsumoto,井上|Inoue,木村|Kimura,林|Hayashi,清水|Shimizu,森|Mori', { familyFirst: true, latinShare: 0.2, streets: ['Shibuya 2-21-1', 'Umeda 3-1-3', 'Minato Mirai 2-2-1', 'Sakae 3-5-12'] }),
  locale('ko', 4, 'KR:100', '민준|Minjun,서연|Seoyeon,지호|Jiho,하은|Haeun,도윤|Doyun,지우|Jiwoo,서준|Seojun,수아|Sua,예준|Yejun,지민|Jimin,현우|Hyunwoo,유진|Yujin,준서|Junseo,채원|Chaewon,성민|Seongmin,혜진|Hyejin', '김|Kim,이|Lee,박|Park,최|Choi,정|Jung,강|Kang,조|Cho,윤|Yoon,장|Jang,임|Lim,한|Han,오|Oh,서|Seo,신|Shin,권|Kwon,황|Hwang', { familyFirst: true, separator: '', latinShare: 0.3, streets: ['Teheran-ro', 'Gangnam-daero', 'Sejong-daero', 'Haeundae-ro'], numberFirst: false }),
  locale('ar', 4, 'AE:40 SA:25 EG:20 JO:8 QA:7', 'محمد|Mohammed,أحمد|Ahmed,علي|Ali,عمر|Omar,يوسف|Youssef,خالد|Khaled,فاطمة|Fatima,مريم|Maryam,نور|Nour,سارة|Sara,ليلى|Layla,حسن|Hassan,إبراهيم|Ibrahim,عبدالله|Abdullah,زينب|Zainab,هدى|Huda,سلمان|Salman,ريم|Reem,طارق|Tariq,ياسمين|Yasmin', 'الأحمد|Al Ahmad,العلي|Al Ali,حسن|Hassan,الحسيني|Al Husseini,المصري|Al Masri,الشمري|Al Shammari,القحطاني|Al Qahtani,العتيبي|Al Otaibi,الزهراني|Al Zahrani,منصور|Mansour,سعيد|Saeed,خليل|Khalil,عبدالرحمن|Abdelrahman,النجار|Al Najjar,حداد|Haddad', { latinShare: 0.4, streets: ['Sheikh Zayed Road', 'Al Wasl Road', 'King Fahd Road', 'Tahrir Street'] }),
  locale('hi', 1, 'IN:100', 'आरव|Aarav,विवान|Vivaan,अदिति|Aditi,प्रिया|Priya,राहुल|Rahul,अनन्या|Ananya,अर्जुन|Arjun,दिव्या|Divya,रोहन|Rohan,नेहा|Neha,विक्रम|Vikram,पूजा|Pooja', 'शर्मा|Sharma,वर्मा|Verma,गुप्ता|Gupta,सिंह|Singh,कुमार|Kumar,पटेल|Patel,जोशी|Joshi,मेहता|Mehta,अग्रवाल|Agarwal,रेड्डी|Reddy', { latinShare: 0, streets: ['MG Road', 'Linking Road', 'Brigade Road', 'Park Street'] }),
  locale('en-IN', 4, 'IN:100', 'Aarav,Vivaan,Aditya,Priya,Ananya,Rahul,Sneha,Arjun,Kavya,Rohan,Ishaan,Diya,Karthik,Lakshmi,Sanjay,Deepika,Vikram,Pooja,Rajesh,Meera', 'Sharma,Patel,Singh,Kumar,Gupta,Reddy,Nair,Iyer,Menon,Rao,Das,Joshi,Mehta,Agarwal,Chatterjee,Banerjee,Pillai,Bhat,Kapoor,Malhotra', { streets: ['MG Road', 'Linking Road', 'Brigade Road', 'Park Street', 'Anna Salai'] }),
  locale('el', 1, 'GR:80 CY:20', 'Γιώργος|Giorgos,Μαρία|Maria,Δημήτρης|Dimitris,Ελένη|Eleni,Νίκος|Nikos,Κατερίνα|Katerina,Κώστας|Kostas,Σοφία|Sofia,Γιάννης|Giannis,Αναστασία|Anastasia,Παναγιώτης|Panagiotis,Χριστίνα|Christina', 'Παπαδόπουλος|Papadopoulos,Παπαδάκης|Papadakis,Γεωργίου|Georgiou,Νικολάου|Nikolaou,Οικονόμου|Oikonomou,Βασιλείου|Vasileiou,Μακρής|Makris,Αθανασίου|Athanasiou,Δημητρίου|Dimitriou,Ιωάννου|Ioannou', { latinShare: 0.3, streets: ['Ermou', 'Panepistimiou', 'Tsimiski', 'Makariou Avenue'], numberFirst: false }),
  locale('he', 1, 'IL:100', 'נועה|Noa,יוסף|Yosef,תמר|Tamar,דוד|David,מיכל|Michal,אורי|Ori,שירה|Shira,איתי|Itai,יעל|Yael,דניאל|Daniel,אביגיל|Avigail,עומר|Omer', 'כהן|Cohen,לוי|Levi,מזרחי|Mizrahi,פרץ|Peretz,ביטון|Biton,דהן|Dahan,אברהם|Avraham,פרידמן|Friedman,שפירא|Shapira,אזולאי|Azoulay', { latinShare: 0.35, streets: ['Rothschild Blvd', 'Dizengoff St', 'Herzl St', 'Jaffa Rd'], numberFirst: false }),
  locale('th', 1, 'TH:100', 'สมชาย|Somchai,สมศรี|Somsri,ณัฐ|Nat,พิมพ์|Pim,อนันต์|Anan,กัญญา|Kanya,ธนา|Thana,สุดา|Suda,วีระ|Weera,ปรียา|Preeya', 'สุขสวัสดิ์|Suksawat,ศรีสุข|Srisuk,วงศ์ไทย|Wongthai,แก้วมณี|Kaewmanee,บุญมา|Boonma,ทองดี|Thongdee,จันทร์เพ็ญ|Chanpen,รัตนพันธ์|Rattanapan', { latinShare: 0.35, streets: ['Sukhumvit Road', 'Silom Road', 'Rama IV Road'] }),
  locale('vi', 2, 'VN:100', 'An,Bình,Châu,Dũng,Giang,Hà,Hải,Hạnh,Hoa,Hùng,Hương,Khánh,Lan,Linh,Long,Mai,Minh,Nam,Ngọc,Phương,Quang,Thảo,Trang,Tuấn', 'Nguyễn,Trần,Lê,Phạm,Hoàng,Huỳnh,Phan,Vũ,Võ,Đặng,Bùi,Đỗ,Hồ,Ngô,Dương,Lý', { familyFirst: true, streets: ['Đường Lê Lợi', 'Đường Nguyễn Huệ', 'Phố Huế', 'Đường Trần Hưng Đạo'] }),
  locale('id', 2, 'ID:80 MY:20', 'Budi,Siti,Agus,Dewi,Andi,Rina,Putri,Adi,Wahyu,Sri,Eko,Ayu,Rizky,Nur,Dimas,Fitri,Bayu,Indah,Hendra,Lestari', 'Santoso,Wijaya,Saputra,Hidayat,Kusuma,Pratama,Setiawan,Nugroho,Wibowo,Susanto,Halim,Gunawan,Siregar,Hutapea,Lubis,Tanjung', { streets: ['Jalan Sudirman', 'Jalan Thamrin', 'Jalan Gatot Subroto', 'Jalan Bukit Bintang'], numberFirst: false }),
  locale('africa', 3, 'NG:45 GH:15 KE:20 ZA:20', 'Chinedu,Ngozi,Oluwaseun,Aisha,Emeka,Chioma,Tunde,Funmilayo,Ibrahim,Amaka,Kwame,Abena,Kofi,Akosua,Wanjiru,Otieno,Babajide,Adaeze,Segun,Zainab', 'Okafor,Adeyemi,Okonkwo,Bello,Eze,Nwosu,Balogun,Adebayo,Mensah,Owusu,Boateng,Asante,Kamau,Odhiambo,Mwangi,Ogunleye,Abubakar,Danjuma', { streets: ['Awolowo Road', 'Adeola Odeku Street', 'Oxford Street', 'Kenyatta Avenue', 'Long Street'] }),
]
