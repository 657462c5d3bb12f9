#!/usr/bin/env python3
"""Builds the reference JSON files from the compact tables below (Python 3.11, stdlib only).

Run:  python3 assets/reference/build_reference.py
The tables are the source of truth; the JSON files beside this script are generated and
committed (the Rust crate embeds them with include_str!).

COUNTRIES columns, separated by "|":
  alpha-2 | alpha-3 | Spanish name (SRE usage) | English name | capital (es) | capital (en)
  | variants separated by ";" | national day MM-DD | its description | UN M49 area code
  | ISO 3166-1 numeric code (what world maps name countries by)
Description: "I" = Día de la Independencia / Independence Day, "N" = Día Nacional / National
Day, otherwise "Spanish~English". An empty day means none, or none we are sure of (Israel's
moves with the Hebrew calendar). An empty capital means none, or one that is disputed (Israel,
Palestine), which a government record should not state on its own.
The M49 code is the country's most detailed area in the UN Statistics Division's standard
"Standard country or area codes for statistical use" (M49): its intermediate region where it
has one (Caribbean, Central America, South America, the four parts of Sub-Saharan Africa),
otherwise its sub-region. REGIONS below turns it into the region and subregion Enlace shows.
"""
import json
import pathlib

COUNTRIES = """
AD|AND|Andorra|Andorra|Andorra la Vieja|Andorra la Vella|Principado de Andorra|09-08|Día de Nuestra Señora de Meritxell~Our Lady of Meritxell Day|039|020
AE|ARE|Emiratos Árabes Unidos|United Arab Emirates|Abu Dabi|Abu Dhabi|EAU;Emiratos;UAE|12-02|N|145|784
AF|AFG|Afganistán|Afghanistan|Kabul|Kabul|Afganistan|08-19|I|034|004
AG|ATG|Antigua y Barbuda|Antigua and Barbuda|Saint John's|Saint John's||11-01|I|029|028
AI|AIA|Anguila|Anguilla|El Valle|The Valley||05-30|Día de Anguila~Anguilla Day|029|660
AL|ALB|Albania|Albania|Tirana|Tirana|República de Albania|11-28|I|039|008
AM|ARM|Armenia|Armenia|Ereván|Yerevan|República de Armenia|09-21|I|145|051
AO|AGO|Angola|Angola|Luanda|Luanda|República de Angola|11-11|I|017|024
AQ|ATA|Antártida|Antarctica|||Antártica;Antartida|||010|010
AR|ARG|Argentina|Argentina|Buenos Aires|Buenos Aires|República Argentina|05-25|Día de la Revolución de Mayo~May Revolution Day|005|032
AS|ASM|Samoa Americana|American Samoa|Pago Pago|Pago Pago||04-17|Día de la Bandera~Flag Day|061|016
AT|AUT|Austria|Austria|Viena|Vienna|República de Austria|10-26|N|155|040
AU|AUS|Australia|Australia|Canberra|Canberra|Mancomunidad de Australia|01-26|Día de Australia~Australia Day|053|036
AW|ABW|Aruba|Aruba|Oranjestad|Oranjestad||03-18|Día del Himno y la Bandera~National Anthem and Flag Day|029|533
AX|ALA|Islas Åland|Åland Islands|Mariehamn|Mariehamn|Aland;Islas Aland|06-09|Día de la Autonomía~Autonomy Day|154|248
AZ|AZE|Azerbaiyán|Azerbaijan|Bakú|Baku|República de Azerbaiyán;Azerbaiyan;Azerbaidján|05-28|I|145|031
BA|BIH|Bosnia y Herzegovina|Bosnia and Herzegovina|Sarajevo|Sarajevo|Bosnia-Herzegovina;Bosnia y Hercegovina;Bosnia|03-01|I|039|070
BB|BRB|Barbados|Barbados|Bridgetown|Bridgetown||11-30|I|029|052
BD|BGD|Bangladesh|Bangladesh|Daca|Dhaka|Bangladés;República Popular de Bangladesh|03-26|I|034|050
BE|BEL|Bélgica|Belgium|Bruselas|Brussels|Reino de Bélgica|07-21|N|155|056
BF|BFA|Burkina Faso|Burkina Faso|Uagadugú|Ouagadougou||12-11|Día de la Proclamación de la República~Proclamation of the Republic Day|011|854
BG|BGR|Bulgaria|Bulgaria|Sofía|Sofia|República de Bulgaria|03-03|Día de la Liberación~Liberation Day|151|100
BH|BHR|Baréin|Bahrain|Manama|Manama|Bahréin;Bahrein;Reino de Baréin|12-16|N|145|048
BI|BDI|Burundi|Burundi|Gitega|Gitega|República de Burundi|07-01|I|014|108
BJ|BEN|Benín|Benin|Porto Novo|Porto-Novo|República de Benín|08-01|I|011|204
BL|BLM|San Bartolomé|Saint Barthélemy|Gustavia|Gustavia|Saint-Barthélemy|||029|652
BM|BMU|Bermudas|Bermuda|Hamilton|Hamilton|Bermuda|||021|060
BN|BRN|Brunéi Darussalam|Brunei Darussalam|Bandar Seri Begawan|Bandar Seri Begawan|Brunéi;Brunei|02-23|N|035|096
BO|BOL|Bolivia|Bolivia|Sucre|Sucre|Estado Plurinacional de Bolivia|08-06|I|005|068
BQ|BES|Bonaire, San Eustaquio y Saba|Bonaire, Sint Eustatius and Saba|Kralendijk|Kralendijk|Caribe Neerlandés;Bonaire|||029|535
BR|BRA|Brasil|Brazil|Brasilia|Brasília|República Federativa del Brasil;Brasil (República Federativa)|09-07|I|005|076
BS|BHS|Bahamas|Bahamas|Nasáu|Nassau|Las Bahamas;Commonwealth de las Bahamas|07-10|I|029|044
BT|BTN|Bután|Bhutan|Timbu|Thimphu|Butan;Reino de Bután|12-17|N|034|064
BV|BVT|Isla Bouvet|Bouvet Island|||Bouvet|||005|074
BW|BWA|Botsuana|Botswana|Gaborone|Gaborone|República de Botsuana|09-30|Día de Botsuana (Independencia)~Botswana Day (Independence)|018|072
BY|BLR|Belarús|Belarus|Minsk|Minsk|Bielorrusia;República de Belarús|07-03|I|151|112
BZ|BLZ|Belice|Belize|Belmopán|Belmopan||09-21|I|013|084
CA|CAN|Canadá|Canada|Ottawa|Ottawa||07-01|Día de Canadá~Canada Day|021|124
CC|CCK|Islas Cocos (Keeling)|Cocos (Keeling) Islands|West Island|West Island|Islas Cocos;Islas Keeling|||053|166
CD|COD|República Democrática del Congo|Democratic Republic of the Congo|Kinsasa|Kinshasa|RDC;RD Congo;Congo-Kinshasa;Congo (Kinshasa);DR Congo;Zaire|06-30|I|017|180
CF|CAF|República Centroafricana|Central African Republic|Bangui|Bangui|Centroáfrica;CAR|12-01|Día de la República~Republic Day|017|140
CG|COG|Congo|Republic of the Congo|Brazzaville|Brazzaville|República del Congo;Congo-Brazzaville;Congo (Brazzaville)|08-15|I|017|178
CH|CHE|Suiza|Switzerland|Berna|Bern|Confederación Suiza|08-01|Fiesta Nacional Suiza~Swiss National Day|155|756
CI|CIV|Costa de Marfil|Côte d'Ivoire|Yamusukro|Yamoussoukro|Côte d'Ivoire;Ivory Coast;República de Côte d'Ivoire|08-07|I|011|384
CK|COK|Islas Cook|Cook Islands|Avarua|Avarua||08-04|Día de la Constitución~Constitution Day|061|184
CL|CHL|Chile|Chile|Santiago|Santiago|República de Chile|09-18|Fiestas Patrias (Independencia)~National Day (Independence)|005|152
CM|CMR|Camerún|Cameroon|Yaundé|Yaoundé|Camerun;República de Camerún|05-20|N|017|120
CN|CHN|China|China|Pekín|Beijing|República Popular China;RPC;Beijing (China)|10-01|N|030|156
CO|COL|Colombia|Colombia|Bogotá|Bogotá|República de Colombia|07-20|I|005|170
CR|CRI|Costa Rica|Costa Rica|San José|San José|República de Costa Rica|09-15|I|013|188
CU|CUB|Cuba|Cuba|La Habana|Havana|República de Cuba|01-01|Día del Triunfo de la Revolución~Liberation Day|029|192
CV|CPV|Cabo Verde|Cabo Verde|Praia|Praia|Cape Verde|07-05|I|011|132
CW|CUW|Curazao|Curaçao|Willemstad|Willemstad|Curaçao;Curacao|||029|531
CX|CXR|Isla de Navidad|Christmas Island|Flying Fish Cove|Flying Fish Cove||||053|162
CY|CYP|Chipre|Cyprus|Nicosia|Nicosia|República de Chipre|10-01|I|145|196
CZ|CZE|Chequia|Czechia|Praga|Prague|República Checa;Czech Republic|10-28|Día de la Fundación del Estado Checoslovaco~Independent Czechoslovak State Day|151|203
DE|DEU|Alemania|Germany|Berlín|Berlin|República Federal de Alemania;RFA;Deutschland|10-03|Día de la Unidad Alemana~German Unity Day|155|276
DJ|DJI|Yibuti|Djibouti|Yibuti|Djibouti|Djibouti;Yibutí|06-27|I|014|262
DK|DNK|Dinamarca|Denmark|Copenhague|Copenhagen|Reino de Dinamarca|06-05|Día de la Constitución~Constitution Day|154|208
DM|DMA|Dominica|Dominica|Roseau|Roseau|Mancomunidad de Dominica|11-03|I|029|212
DO|DOM|República Dominicana|Dominican Republic|Santo Domingo|Santo Domingo|RD;Rep. Dominicana|02-27|I|029|214
DZ|DZA|Argelia|Algeria|Argel|Algiers|República Argelina Democrática y Popular|11-01|Aniversario de la Revolución~Revolution Day|015|012
EC|ECU|Ecuador|Ecuador|Quito|Quito|República del Ecuador|08-10|Primer Grito de Independencia~Independence Day|005|218
EE|EST|Estonia|Estonia|Tallin|Tallinn|República de Estonia|02-24|I|154|233
EG|EGY|Egipto|Egypt|El Cairo|Cairo|República Árabe de Egipto|07-23|Día de la Revolución~Revolution Day|015|818
EH|ESH|Sahara Occidental|Western Sahara|El Aaiún|Laayoune|Sáhara Occidental|||015|732
ER|ERI|Eritrea|Eritrea|Asmara|Asmara||05-24|I|014|232
ES|ESP|España|Spain|Madrid|Madrid|Espana;Reino de España|10-12|Fiesta Nacional de España~National Day of Spain|039|724
ET|ETH|Etiopía|Ethiopia|Adís Abeba|Addis Ababa|Etiopia;República Democrática Federal de Etiopía|05-28|N|014|231
FI|FIN|Finlandia|Finland|Helsinki|Helsinki|República de Finlandia;Suomi|12-06|I|154|246
FJ|FJI|Fiyi|Fiji|Suva|Suva|Fiji;República de Fiyi|10-10|Día de Fiyi~Fiji Day|054|242
FK|FLK|Islas Malvinas|Falkland Islands|Puerto Argentino|Stanley|Malvinas;Islas Falkland;Falklands|||005|238
FM|FSM|Micronesia|Micronesia|Palikir|Palikir|Estados Federados de Micronesia|11-03|I|057|583
FO|FRO|Islas Feroe|Faroe Islands|Tórshavn|Tórshavn|Feroe;Islas Faroe|07-29|Día Nacional (Ólavsøka)~National Day (Ólavsøka)|154|234
FR|FRA|Francia|France|París|Paris|República Francesa|07-14|Fiesta Nacional de Francia~French National Day|155|250
GA|GAB|Gabón|Gabon|Libreville|Libreville|Gabon;República Gabonesa|08-17|I|017|266
GB|GBR|Reino Unido|United Kingdom|Londres|London|Reino Unido de Gran Bretaña e Irlanda del Norte;Gran Bretaña;UK;Great Britain;Inglaterra|||154|826
GD|GRD|Granada|Grenada|Saint George's|St. George's||02-07|I|029|308
GE|GEO|Georgia|Georgia|Tiflis|Tbilisi|Tbilisi (Georgia)|05-26|I|145|268
GF|GUF|Guayana Francesa|French Guiana|Cayena|Cayenne|Guyana Francesa|||005|254
GG|GGY|Guernsey|Guernsey|Saint Peter Port|St Peter Port|Guernesey|05-09|Día de la Liberación~Liberation Day|154|831
GH|GHA|Ghana|Ghana|Acra|Accra|República de Ghana|03-06|I|011|288
GI|GIB|Gibraltar|Gibraltar|Gibraltar|Gibraltar||09-10|Día Nacional de Gibraltar~Gibraltar National Day|039|292
GL|GRL|Groenlandia|Greenland|Nuuk|Nuuk|Kalaallit Nunaat|06-21|N|021|304
GM|GMB|Gambia|Gambia|Banjul|Banjul|La Gambia;The Gambia|02-18|I|011|270
GN|GIN|Guinea|Guinea|Conakri|Conakry|República de Guinea;Guinea-Conakry|10-02|I|011|324
GP|GLP|Guadalupe|Guadeloupe|Basse-Terre|Basse-Terre|Guadeloupe|||029|312
GQ|GNQ|Guinea Ecuatorial|Equatorial Guinea|Malabo|Malabo|República de Guinea Ecuatorial|10-12|I|017|226
GR|GRC|Grecia|Greece|Atenas|Athens|República Helénica;Hellas|03-25|I|039|300
GS|SGS|Islas Georgias del Sur y Sandwich del Sur|South Georgia and the South Sandwich Islands|Grytviken|King Edward Point|Georgias del Sur|||005|239
GT|GTM|Guatemala|Guatemala|Ciudad de Guatemala|Guatemala City|República de Guatemala|09-15|I|013|320
GU|GUM|Guam|Guam|Agaña|Hagåtña||07-21|Día de la Liberación~Liberation Day|057|316
GW|GNB|Guinea-Bisáu|Guinea-Bissau|Bisáu|Bissau|Guinea Bissau;Guinea-Bissau;Guinea Bisáu|09-24|I|011|624
GY|GUY|Guyana|Guyana|Georgetown|Georgetown|República Cooperativa de Guyana|02-23|Día de la República~Republic Day|005|328
HK|HKG|Hong Kong|Hong Kong|Hong Kong|Hong Kong|Región Administrativa Especial de Hong Kong;Hong Kong (China)|07-01|Día del Establecimiento de la RAE~HKSAR Establishment Day|030|344
HM|HMD|Islas Heard y McDonald|Heard Island and McDonald Islands|||Islas Heard y Mcdonald|||053|334
HN|HND|Honduras|Honduras|Tegucigalpa|Tegucigalpa|República de Honduras|09-15|I|013|340
HR|HRV|Croacia|Croatia|Zagreb|Zagreb|República de Croacia;Hrvatska|05-30|Día del Estado~Statehood Day|039|191
HT|HTI|Haití|Haiti|Puerto Príncipe|Port-au-Prince|República de Haití;Haïti|01-01|I|029|332
HU|HUN|Hungría|Hungary|Budapest|Budapest|Magyarország|08-20|Día de San Esteban (Fiesta Nacional)~Saint Stephen's Day (National Day)|151|348
ID|IDN|Indonesia|Indonesia|Yakarta|Jakarta|República de Indonesia|08-17|I|035|360
IE|IRL|Irlanda|Ireland|Dublín|Dublin|República de Irlanda;Éire|03-17|Día de San Patricio~Saint Patrick's Day|154|372
IL|ISR|Israel|Israel|||Estado de Israel|||145|376
IM|IMN|Isla de Man|Isle of Man|Douglas|Douglas||07-05|Día de Tynwald~Tynwald Day|154|833
IN|IND|India|India|Nueva Delhi|New Delhi|República de la India;La India|01-26|Día de la República~Republic Day|034|356
IO|IOT|Territorio Británico del Océano Índico|British Indian Ocean Territory|||Chagos;Archipiélago de Chagos|||014|086
IQ|IRQ|Irak|Iraq|Bagdad|Baghdad|Iraq;República de Irak|10-03|N|145|368
IR|IRN|Irán|Iran|Teherán|Tehran|República Islámica de Irán;Persia|02-11|Aniversario de la Revolución Islámica~Islamic Revolution Day|034|364
IS|ISL|Islandia|Iceland|Reikiavik|Reykjavík|Ísland|06-17|N|154|352
IT|ITA|Italia|Italy|Roma|Rome|República Italiana|06-02|Fiesta de la República~Republic Day|039|380
JE|JEY|Jersey|Jersey|Saint Helier|Saint Helier||05-09|Día de la Liberación~Liberation Day|154|832
JM|JAM|Jamaica|Jamaica|Kingston|Kingston||08-06|I|029|388
JO|JOR|Jordania|Jordan|Amán|Amman|Reino Hachemita de Jordania|05-25|I|145|400
JP|JPN|Japón|Japan|Tokio|Tokyo|Japon;Nippon|02-23|Cumpleaños del Emperador~Emperor's Birthday|030|392
KE|KEN|Kenia|Kenya|Nairobi|Nairobi|Kenya;República de Kenia|12-12|Día de Jamhuri~Jamhuri Day|014|404
KG|KGZ|Kirguistán|Kyrgyzstan|Biskek|Bishkek|Kirguizistán;República Kirguisa;Kirguizia|08-31|I|143|417
KH|KHM|Camboya|Cambodia|Nom Pen|Phnom Penh|Reino de Camboya;Kampuchea|11-09|I|035|116
KI|KIR|Kiribati|Kiribati|Tarawa|Tarawa|República de Kiribati|07-12|I|057|296
KM|COM|Comoras|Comoros|Moroni|Moroni|Unión de las Comoras;Comores|07-06|I|014|174
KN|KNA|San Cristóbal y Nieves|Saint Kitts and Nevis|Basseterre|Basseterre|Saint Kitts y Nevis;San Kitts y Nevis|09-19|I|029|659
KP|PRK|Corea del Norte|North Korea|Pionyang|Pyongyang|República Popular Democrática de Corea;RPDC;DPRK|09-09|Día de la Fundación de la República~Republic Foundation Day|030|408
KR|KOR|República de Corea|South Korea|Seúl|Seoul|Corea del Sur;Republic of Korea|10-03|Día de la Fundación Nacional~National Foundation Day|030|410
KW|KWT|Kuwait|Kuwait|Kuwait|Kuwait City|Kuwéit;Estado de Kuwait|02-25|N|145|414
KY|CYM|Islas Caimán|Cayman Islands|George Town|George Town|Caimán;Islas Caiman|||029|136
KZ|KAZ|Kazajistán|Kazakhstan|Astaná|Astana|Kazajstán;Kazakstán;República de Kazajistán|12-16|I|143|398
LA|LAO|Laos|Laos|Vientián|Vientiane|República Democrática Popular Lao;Lao|12-02|N|035|418
LB|LBN|Líbano|Lebanon|Beirut|Beirut|República Libanesa|11-22|I|145|422
LC|LCA|Santa Lucía|Saint Lucia|Castries|Castries|Saint Lucia|02-22|I|029|662
LI|LIE|Liechtenstein|Liechtenstein|Vaduz|Vaduz|Principado de Liechtenstein|08-15|N|155|438
LK|LKA|Sri Lanka|Sri Lanka|Sri Jayawardenapura Kotte|Sri Jayawardenepura Kotte|Ceilán|02-04|I|034|144
LR|LBR|Liberia|Liberia|Monrovia|Monrovia|República de Liberia|07-26|I|011|430
LS|LSO|Lesoto|Lesotho|Maseru|Maseru|Lesotho;Reino de Lesoto|10-04|I|018|426
LT|LTU|Lituania|Lithuania|Vilna|Vilnius|República de Lituania|02-16|Día de la Restauración del Estado~Restoration of the State Day|154|440
LU|LUX|Luxemburgo|Luxembourg|Luxemburgo|Luxembourg|Gran Ducado de Luxemburgo|06-23|N|155|442
LV|LVA|Letonia|Latvia|Riga|Riga|República de Letonia|11-18|Día de la Proclamación de la República~Proclamation Day|154|428
LY|LBY|Libia|Libya|Trípoli|Tripoli|Estado de Libia|12-24|I|015|434
MA|MAR|Marruecos|Morocco|Rabat|Rabat|Reino de Marruecos;Maroc|07-30|Fiesta del Trono~Throne Day|015|504
MC|MCO|Mónaco|Monaco|Mónaco|Monaco|Principado de Mónaco|11-19|N|155|492
MD|MDA|Moldova|Moldova|Chisináu|Chișinău|Moldavia;República de Moldova|08-27|I|151|498
ME|MNE|Montenegro|Montenegro|Podgorica|Podgorica|Crna Gora|07-13|Día del Estado~Statehood Day|039|499
MF|MAF|San Martín (parte francesa)|Saint Martin (French part)|Marigot|Marigot|Saint-Martin;San Martín francés|||029|663
MG|MDG|Madagascar|Madagascar|Antananarivo|Antananarivo|República de Madagascar|06-26|I|014|450
MH|MHL|Islas Marshall|Marshall Islands|Majuro|Majuro|República de las Islas Marshall|05-01|Día de la Constitución~Constitution Day|057|584
MK|MKD|Macedonia del Norte|North Macedonia|Skopie|Skopje|República de Macedonia del Norte;Macedonia|09-08|I|039|807
ML|MLI|Malí|Mali|Bamako|Bamako|República de Malí|09-22|I|011|466
MM|MMR|Myanmar|Myanmar|Naipyidó|Naypyidaw|Birmania;Burma|01-04|I|035|104
MN|MNG|Mongolia|Mongolia|Ulán Bator|Ulaanbaatar||07-11|Fiesta Nacional del Naadam~Naadam National Holiday|030|496
MO|MAC|Macao|Macao|Macao|Macao|Macau;Región Administrativa Especial de Macao|12-20|Día del Establecimiento de la RAE~MSAR Establishment Day|030|446
MP|MNP|Islas Marianas del Norte|Northern Mariana Islands|Saipán|Saipan|Marianas del Norte|||057|580
MQ|MTQ|Martinica|Martinique|Fort-de-France|Fort-de-France|Martinique|||029|474
MR|MRT|Mauritania|Mauritania|Nuakchot|Nouakchott|República Islámica de Mauritania|11-28|I|011|478
MS|MSR|Montserrat|Montserrat|Plymouth|Plymouth||||029|500
MT|MLT|Malta|Malta|La Valeta|Valletta|República de Malta|09-21|I|039|470
MU|MUS|Mauricio|Mauritius|Port Louis|Port Louis|República de Mauricio;Isla Mauricio|03-12|N|014|480
MV|MDV|Maldivas|Maldives|Malé|Malé|República de Maldivas|07-26|I|034|462
MW|MWI|Malaui|Malawi|Lilongüe|Lilongwe|Malawi;República de Malaui|07-06|I|014|454
MX|MEX|México|Mexico|Ciudad de México|Mexico City|Estados Unidos Mexicanos;Méjico|09-16|I|013|484
MY|MYS|Malasia|Malaysia|Kuala Lumpur|Kuala Lumpur|Malaysia|08-31|Día Nacional (Hari Merdeka)~National Day (Hari Merdeka)|035|458
MZ|MOZ|Mozambique|Mozambique|Maputo|Maputo|República de Mozambique|06-25|I|014|508
NA|NAM|Namibia|Namibia|Windhoek|Windhoek|República de Namibia|03-21|I|018|516
NC|NCL|Nueva Caledonia|New Caledonia|Numea|Nouméa|Nouvelle-Calédonie|||054|540
NE|NER|Níger|Niger|Niamey|Niamey|República del Níger|12-18|Día de la República~Republic Day|011|562
NF|NFK|Isla Norfolk|Norfolk Island|Kingston|Kingston|Norfolk|||053|574
NG|NGA|Nigeria|Nigeria|Abuya|Abuja|República Federal de Nigeria|10-01|I|011|566
NI|NIC|Nicaragua|Nicaragua|Managua|Managua|República de Nicaragua|09-15|I|013|558
NL|NLD|Países Bajos|Netherlands|Ámsterdam|Amsterdam|Holanda;Reino de los Países Bajos;The Netherlands;Holland|04-27|Día del Rey~King's Day|155|528
NO|NOR|Noruega|Norway|Oslo|Oslo|Reino de Noruega;Norge|05-17|Día de la Constitución~Constitution Day|154|578
NP|NPL|Nepal|Nepal|Katmandú|Kathmandu|República Federal Democrática de Nepal|09-20|Día de la Constitución~Constitution Day|034|524
NR|NRU|Nauru|Nauru|Yaren|Yaren|República de Nauru|01-31|I|057|520
NU|NIU|Niue|Niue|Alofi|Alofi||||061|570
NZ|NZL|Nueva Zelandia|New Zealand|Wellington|Wellington|Nueva Zelanda;Aotearoa|02-06|Día de Waitangi~Waitangi Day|053|554
OM|OMN|Omán|Oman|Mascate|Muscat|Sultanato de Omán|||145|512
PA|PAN|Panamá|Panama|Ciudad de Panamá|Panama City|República de Panamá|11-03|Día de la Separación de Colombia~Separation Day|013|591
PE|PER|Perú|Peru|Lima|Lima|República del Perú;El Perú|07-28|I|005|604
PF|PYF|Polinesia Francesa|French Polynesia|Papeete|Papeete|Polynésie française|||061|258
PG|PNG|Papúa Nueva Guinea|Papua New Guinea|Port Moresby|Port Moresby|Papua Nueva Guinea|09-16|I|054|598
PH|PHL|Filipinas|Philippines|Manila|Manila|República de Filipinas|06-12|I|035|608
PK|PAK|Pakistán|Pakistan|Islamabad|Islamabad|República Islámica de Pakistán|03-23|Día de Pakistán~Pakistan Day|034|586
PL|POL|Polonia|Poland|Varsovia|Warsaw|República de Polonia;Polska|05-03|Día de la Constitución del 3 de Mayo~Constitution Day|151|616
PM|SPM|San Pedro y Miquelón|Saint Pierre and Miquelon|San Pedro|Saint-Pierre|Saint-Pierre y Miquelon|||021|666
PN|PCN|Islas Pitcairn|Pitcairn|Adamstown|Adamstown|Pitcairn|||061|612
PR|PRI|Puerto Rico|Puerto Rico|San Juan|San Juan|Estado Libre Asociado de Puerto Rico|||029|630
PS|PSE|Palestina|Palestine|||Estado de Palestina;Territorios Palestinos|11-15|I|145|275
PT|PRT|Portugal|Portugal|Lisboa|Lisbon|República Portuguesa|06-10|Día de Portugal~Portugal Day|039|620
PW|PLW|Palaos|Palau|Ngerulmud|Ngerulmud|Palau;República de Palaos|10-01|I|057|585
PY|PRY|Paraguay|Paraguay|Asunción|Asunción|República del Paraguay|05-15|I|005|600
QA|QAT|Qatar|Qatar|Doha|Doha|Catar;Estado de Qatar|12-18|N|145|634
RE|REU|Reunión|Réunion|Saint-Denis|Saint-Denis|Isla de la Reunión;La Reunión|||014|638
RO|ROU|Rumania|Romania|Bucarest|Bucharest|Rumanía|12-01|Día de la Gran Unión~Great Union Day|151|642
RS|SRB|Serbia|Serbia|Belgrado|Belgrade|República de Serbia;Srbija|02-15|Día del Estado~Statehood Day|039|688
RU|RUS|Rusia|Russia|Moscú|Moscow|Federación de Rusia;Federación Rusa;Russian Federation|06-12|Día de Rusia~Russia Day|151|643
RW|RWA|Ruanda|Rwanda|Kigali|Kigali|Rwanda;República de Ruanda|07-01|I|014|646
SA|SAU|Arabia Saudita|Saudi Arabia|Riad|Riyadh|Arabia Saudí;Reino de Arabia Saudita|09-23|N|145|682
SB|SLB|Islas Salomón|Solomon Islands|Honiara|Honiara|Salomón|07-07|I|054|090
SC|SYC|Seychelles|Seychelles|Victoria|Victoria|República de Seychelles|06-29|I|014|690
SD|SDN|Sudán|Sudan|Jartum|Khartoum|República del Sudán|01-01|I|015|729
SE|SWE|Suecia|Sweden|Estocolmo|Stockholm|Reino de Suecia;Sverige|06-06|N|154|752
SG|SGP|Singapur|Singapore|Singapur|Singapore|República de Singapur|08-09|N|035|702
SH|SHN|Santa Elena, Ascensión y Tristán de Acuña|Saint Helena, Ascension and Tristan da Cunha|Jamestown|Jamestown|Santa Elena;Saint Helena|||011|654
SI|SVN|Eslovenia|Slovenia|Liubliana|Ljubljana|República de Eslovenia;Slovenija|06-25|Día del Estado~Statehood Day|039|705
SJ|SJM|Svalbard y Jan Mayen|Svalbard and Jan Mayen|Longyearbyen|Longyearbyen|Svalbard|||154|744
SK|SVK|Eslovaquia|Slovakia|Bratislava|Bratislava|República Eslovaca;Slovensko|09-01|Día de la Constitución~Constitution Day|151|703
SL|SLE|Sierra Leona|Sierra Leone|Freetown|Freetown|República de Sierra Leona|04-27|I|011|694
SM|SMR|San Marino|San Marino|San Marino|San Marino|República de San Marino|09-03|Día de la Fundación~Foundation Day|039|674
SN|SEN|Senegal|Senegal|Dakar|Dakar|República de Senegal|04-04|I|011|686
SO|SOM|Somalia|Somalia|Mogadiscio|Mogadishu|República Federal de Somalia|07-01|I|014|706
SR|SUR|Surinam|Suriname|Paramaribo|Paramaribo|Suriname;República de Surinam|11-25|I|005|740
SS|SSD|Sudán del Sur|South Sudan|Yuba|Juba|República de Sudán del Sur|07-09|I|014|728
ST|STP|Santo Tomé y Príncipe|São Tomé and Príncipe|Santo Tomé|São Tomé|Sao Tome y Principe;São Tomé e Príncipe|07-12|I|017|678
SV|SLV|El Salvador|El Salvador|San Salvador|San Salvador|República de El Salvador;Salvador|09-15|I|013|222
SX|SXM|San Martín (parte neerlandesa)|Sint Maarten (Dutch part)|Philipsburg|Philipsburg|Sint Maarten|||029|534
SY|SYR|Siria|Syria|Damasco|Damascus|República Árabe Siria|04-17|Día de la Evacuación~Evacuation Day|145|760
SZ|SWZ|Esuatini|Eswatini|Mbabane|Mbabane|Eswatini;Suazilandia;Swazilandia;Swaziland|09-06|I|018|748
TC|TCA|Islas Turcas y Caicos|Turks and Caicos Islands|Cockburn Town|Cockburn Town|Turcas y Caicos|||029|796
TD|TCD|Chad|Chad|Yamena|N'Djamena|República del Chad|08-11|I|017|148
TF|ATF|Territorios Australes Franceses|French Southern Territories|||Tierras Australes y Antárticas Francesas|||014|260
TG|TGO|Togo|Togo|Lomé|Lomé|República Togolesa|04-27|I|011|768
TH|THA|Tailandia|Thailand|Bangkok|Bangkok|Reino de Tailandia|07-28|Cumpleaños del Rey~King's Birthday|035|764
TJ|TJK|Tayikistán|Tajikistan|Dusambé|Dushanbe|Tajikistán;República de Tayikistán|09-09|I|143|762
TK|TKL|Tokelau|Tokelau||||||061|772
TL|TLS|Timor-Leste|Timor-Leste|Dili|Dili|Timor Oriental;East Timor;Timor Leste|05-20|Día de la Restauración de la Independencia~Restoration of Independence Day|035|626
TM|TKM|Turkmenistán|Turkmenistan|Asjabad|Ashgabat|Turkmenistan|09-27|I|143|795
TN|TUN|Túnez|Tunisia|Túnez|Tunis|República Tunecina|03-20|I|015|788
TO|TON|Tonga|Tonga|Nukualofa|Nukuʻalofa|Reino de Tonga|||061|776
TR|TUR|Turquía|Türkiye|Ankara|Ankara|Turkey;Turkiye;República de Turquía|10-29|Día de la República~Republic Day|145|792
TT|TTO|Trinidad y Tobago|Trinidad and Tobago|Puerto España|Port of Spain|República de Trinidad y Tobago|08-31|I|029|780
TV|TUV|Tuvalu|Tuvalu|Funafuti|Funafuti||10-01|I|061|798
TW|TWN|Taiwán|Taiwan|Taipéi|Taipei|Taiwan;Taipéi Chino;China (Taiwán)|10-10|Día Nacional (Doble Diez)~National Day (Double Tenth)|030|158
TZ|TZA|Tanzania|Tanzania|Dodoma|Dodoma|República Unida de Tanzania|04-26|Día de la Unión~Union Day|014|834
UA|UKR|Ucrania|Ukraine|Kiev|Kyiv|Kyiv (Ucrania)|08-24|I|151|804
UG|UGA|Uganda|Uganda|Kampala|Kampala|República de Uganda|10-09|I|014|800
UM|UMI|Islas Ultramarinas Menores de Estados Unidos|United States Minor Outlying Islands|||Islas menores alejadas de los Estados Unidos|||057|581
US|USA|Estados Unidos de América|United States|Washington D. C.|Washington, D.C.|Estados Unidos;EUA;EE. UU.;EEUU;EE.UU.;E.U.A.;United States of America;USA;U.S.A.;Norteamérica|07-04|I|021|840
UY|URY|Uruguay|Uruguay|Montevideo|Montevideo|República Oriental del Uruguay|08-25|I|005|858
UZ|UZB|Uzbekistán|Uzbekistan|Taskent|Tashkent|Uzbekistan;República de Uzbekistán|09-01|I|143|860
VA|VAT|Santa Sede|Holy See|Ciudad del Vaticano|Vatican City|Vaticano;Ciudad del Vaticano;Estado de la Ciudad del Vaticano;Vatican|||039|336
VC|VCT|San Vicente y las Granadinas|Saint Vincent and the Grenadines|Kingstown|Kingstown|San Vicente y Granadinas|10-27|I|029|670
VE|VEN|Venezuela|Venezuela|Caracas|Caracas|República Bolivariana de Venezuela|07-05|I|005|862
VG|VGB|Islas Vírgenes Británicas|British Virgin Islands|Road Town|Road Town|British Virgin Islands|||029|092
VI|VIR|Islas Vírgenes de los Estados Unidos|United States Virgin Islands|Charlotte Amalie|Charlotte Amalie|Islas Vírgenes Estadounidenses;US Virgin Islands|||029|850
VN|VNM|Viet Nam|Vietnam|Hanói|Hanoi|Vietnam;República Socialista de Viet Nam|09-02|N|035|704
VU|VUT|Vanuatu|Vanuatu|Port Vila|Port Vila|República de Vanuatu|07-30|I|054|548
WF|WLF|Wallis y Futuna|Wallis and Futuna|Mata-Utu|Mata-Utu|Wallis et Futuna|||061|876
WS|WSM|Samoa|Samoa|Apia|Apia|Estado Independiente de Samoa|06-01|I|061|882
YE|YEM|Yemen|Yemen|Saná|Sanaa|República de Yemen|05-22|Día de la Unidad Nacional~National Unity Day|145|887
YT|MYT|Mayotte|Mayotte|Mamoudzou|Mamoudzou||||014|175
ZA|ZAF|Sudáfrica|South Africa|Pretoria|Pretoria|República de Sudáfrica;Sudafrica|04-27|Día de la Libertad~Freedom Day|018|710
ZM|ZMB|Zambia|Zambia|Lusaka|Lusaka|República de Zambia|10-24|I|014|894
ZW|ZWE|Zimbabue|Zimbabwe|Harare|Harare|Zimbabwe;República de Zimbabue|04-18|I|014|716
"""

# M49 area code | region code | subregion Spanish | subregion English. Regions are M49's,
# except that the Americas are given as their two M49 sub-regions, Latin America and the
# Caribbean (419) and Northern America (021), as Mexican offices and the UN regional
# commissions count them. Antarctica (010) belongs to no M49 region and stands alone.
# The Spanish names are Enlace's own, written the way Mexican reports name the regions.
REGIONS = {
    "002": ("África", "Africa"),
    "419": ("América Latina y el Caribe", "Latin America and the Caribbean"),
    "021": ("América del Norte", "Northern America"),
    "142": ("Asia", "Asia"),
    "150": ("Europa", "Europe"),
    "009": ("Oceanía", "Oceania"),
    "010": ("Antártida", "Antarctica"),
}
SUBREGIONS = """
015|002|Norte de África|Northern Africa
014|002|África oriental|Eastern Africa
017|002|África central|Middle Africa
018|002|África austral|Southern Africa
011|002|África occidental|Western Africa
029|419|Caribe|Caribbean
013|419|Centroamérica|Central America
005|419|América del Sur|South America
021|021|América del Norte|Northern America
143|142|Asia central|Central Asia
030|142|Asia oriental|Eastern Asia
035|142|Sudeste asiático|South-eastern Asia
034|142|Asia meridional|Southern Asia
145|142|Asia occidental|Western Asia
151|150|Europa oriental|Eastern Europe
154|150|Europa del Norte|Northern Europe
039|150|Europa del Sur|Southern Europe
155|150|Europa occidental|Western Europe
053|009|Australia y Nueva Zelandia|Australia and New Zealand
054|009|Melanesia|Melanesia
057|009|Micronesia|Micronesia
061|009|Polinesia|Polynesia
010|010|Antártida|Antarctica
"""

STOCK_DESCRIPTIONS = {
    "I": ("Día de la Independencia", "Independence Day"),
    "N": ("Día Nacional", "National Day"),
}


def parse_row(cols: list[str]) -> dict:
    code, alpha3, name_es, name_en, cap_es, cap_en, variants, day, description, area, numeric = cols
    national_day = None
    if day:
        month, dom = (int(part) for part in day.split("-"))
        if description in STOCK_DESCRIPTIONS:
            desc_es, desc_en = STOCK_DESCRIPTIONS[description]
        else:
            desc_es, desc_en = description.split("~")
        national_day = {"month": month, "day": dom, "name_es": desc_es, "name_en": desc_en}
    return {
        "code": code,
        "alpha3": alpha3,
        "numeric": numeric,
        "name_es": name_es,
        "name_en": name_en,
        "variants": [v for v in variants.split(";") if v],
        "capital_es": cap_es or None,
        "capital_en": cap_en or None,
        "national_day": national_day,
        **world_region(area),
    }


def world_region(area: str) -> dict:
    """The region and subregion of an M49 area code, each as {code, name_es, name_en}."""
    subregions = {code: (region, es, en) for code, region, es, en in rows(SUBREGIONS, 4)}
    if area not in subregions:
        raise SystemExit(f"unknown M49 area code {area}")
    region, sub_es, sub_en = subregions[area]
    region_es, region_en = REGIONS[region]
    return {
        "region": {"code": region, "name_es": region_es, "name_en": region_en},
        "subregion": {"code": area, "name_es": sub_es, "name_en": sub_en},
    }


# International days cities light monuments for: MM-DD | Spanish | English | colours es | colours en
OBSERVANCES = """
01-24|Día Internacional de la Educación|International Day of Education||
01-27|Día Internacional de Conmemoración en Memoria de las Víctimas del Holocausto|International Holocaust Remembrance Day||
02-04|Día Mundial contra el Cáncer|World Cancer Day||
02-11|Día Internacional de la Mujer y la Niña en la Ciencia|International Day of Women and Girls in Science||
03-08|Día Internacional de la Mujer|International Women's Day|morado|purple
03-21|Día Mundial del Síndrome de Down|World Down Syndrome Day|azul y amarillo|blue and yellow
03-22|Día Mundial del Agua|World Water Day|azul|blue
04-02|Día Mundial de Concienciación sobre el Autismo|World Autism Awareness Day|azul|blue
04-07|Día Mundial de la Salud|World Health Day||
04-22|Día Internacional de la Madre Tierra|International Mother Earth Day|verde|green
05-15|Día Internacional de las Familias|International Day of Families||
05-17|Día Internacional contra la Homofobia, la Transfobia y la Bifobia|International Day against Homophobia, Transphobia and Biphobia|colores del arcoíris|rainbow colours
05-31|Día Mundial Sin Tabaco|World No Tobacco Day||
06-05|Día Mundial del Medio Ambiente|World Environment Day|verde|green
06-20|Día Mundial de los Refugiados|World Refugee Day|azul|blue
06-28|Día Internacional del Orgullo LGBTTTI|International Pride Day|colores del arcoíris|rainbow colours
07-11|Día Mundial de la Población|World Population Day||
07-30|Día Mundial contra la Trata de Personas|World Day against Trafficking in Persons|azul|blue
08-09|Día Internacional de los Pueblos Indígenas|International Day of the World's Indigenous Peoples||
08-19|Día Mundial de la Asistencia Humanitaria|World Humanitarian Day||
09-21|Día Internacional de la Paz|International Day of Peace|blanco|white
10-01|Día Internacional de las Personas de Edad|International Day of Older Persons||
10-10|Día Mundial de la Salud Mental|World Mental Health Day|verde|green
10-11|Día Internacional de la Niña|International Day of the Girl Child||
10-19|Día Internacional de la Lucha contra el Cáncer de Mama|International Day against Breast Cancer|rosa|pink
10-24|Día de las Naciones Unidas|United Nations Day|azul|blue
11-14|Día Mundial de la Diabetes|World Diabetes Day|azul|blue
11-20|Día Mundial de la Infancia|World Children's Day|azul|blue
11-25|Día Internacional de la Eliminación de la Violencia contra la Mujer|International Day for the Elimination of Violence against Women|naranja|orange
12-01|Día Mundial del Sida|World AIDS Day|rojo|red
12-03|Día Internacional de las Personas con Discapacidad|International Day of Persons with Disabilities|morado|purple
12-10|Día de los Derechos Humanos|Human Rights Day||
12-18|Día Internacional del Migrante|International Migrants Day||
"""

# ISO 4217 codes in use (Nov 2026): code | minor units | Spanish | English
CURRENCIES = """
AED|2|Dírham de los Emiratos Árabes Unidos|UAE Dirham
AFN|2|Afgani|Afghani
ALL|2|Lek albanés|Lek
AMD|2|Dram armenio|Armenian Dram
AOA|2|Kwanza angoleño|Kwanza
ARS|2|Peso argentino|Argentine Peso
AUD|2|Dólar australiano|Australian Dollar
AWG|2|Florín arubeño|Aruban Florin
AZN|2|Manat azerbaiyano|Azerbaijan Manat
BAM|2|Marco convertible de Bosnia y Herzegovina|Convertible Mark
BBD|2|Dólar de Barbados|Barbados Dollar
BDT|2|Taka|Taka
BHD|3|Dinar bareiní|Bahraini Dinar
BIF|0|Franco burundés|Burundi Franc
BMD|2|Dólar bermudeño|Bermudian Dollar
BND|2|Dólar de Brunéi|Brunei Dollar
BOB|2|Boliviano|Boliviano
BRL|2|Real brasileño|Brazilian Real
BSD|2|Dólar bahameño|Bahamian Dollar
BTN|2|Ngultrum|Ngultrum
BWP|2|Pula|Pula
BYN|2|Rublo bielorruso|Belarusian Ruble
BZD|2|Dólar beliceño|Belize Dollar
CAD|2|Dólar canadiense|Canadian Dollar
CDF|2|Franco congoleño|Congolese Franc
CHF|2|Franco suizo|Swiss Franc
CLP|0|Peso chileno|Chilean Peso
CNY|2|Yuan renminbi|Yuan Renminbi
COP|2|Peso colombiano|Colombian Peso
CRC|2|Colón costarricense|Costa Rican Colon
CUP|2|Peso cubano|Cuban Peso
CVE|2|Escudo caboverdiano|Cabo Verde Escudo
CZK|2|Corona checa|Czech Koruna
DJF|0|Franco yibutiano|Djibouti Franc
DKK|2|Corona danesa|Danish Krone
DOP|2|Peso dominicano|Dominican Peso
DZD|2|Dinar argelino|Algerian Dinar
EGP|2|Libra egipcia|Egyptian Pound
ERN|2|Nakfa|Nakfa
ETB|2|Birr etíope|Ethiopian Birr
EUR|2|Euro|Euro
FJD|2|Dólar fiyiano|Fiji Dollar
FKP|2|Libra malvinense|Falkland Islands Pound
GBP|2|Libra esterlina|Pound Sterling
GEL|2|Lari|Lari
GHS|2|Cedi ghanés|Ghana Cedi
GIP|2|Libra gibraltareña|Gibraltar Pound
GMD|2|Dalasi|Dalasi
GNF|0|Franco guineano|Guinean Franc
GTQ|2|Quetzal|Quetzal
GYD|2|Dólar guyanés|Guyana Dollar
HKD|2|Dólar de Hong Kong|Hong Kong Dollar
HNL|2|Lempira|Lempira
HTG|2|Gourde|Gourde
HUF|2|Forinto|Forint
IDR|2|Rupia indonesia|Rupiah
ILS|2|Nuevo séquel israelí|New Israeli Sheqel
INR|2|Rupia india|Indian Rupee
IQD|3|Dinar iraquí|Iraqi Dinar
IRR|2|Rial iraní|Iranian Rial
ISK|0|Corona islandesa|Iceland Krona
JMD|2|Dólar jamaicano|Jamaican Dollar
JOD|3|Dinar jordano|Jordanian Dinar
JPY|0|Yen|Yen
KES|2|Chelín keniano|Kenyan Shilling
KGS|2|Som kirguís|Som
KHR|2|Riel|Riel
KMF|0|Franco comorense|Comorian Franc
KPW|2|Won norcoreano|North Korean Won
KRW|0|Won surcoreano|Won
KWD|3|Dinar kuwaití|Kuwaiti Dinar
KYD|2|Dólar de las Islas Caimán|Cayman Islands Dollar
KZT|2|Tenge|Tenge
LAK|2|Kip|Lao Kip
LBP|2|Libra libanesa|Lebanese Pound
LKR|2|Rupia de Sri Lanka|Sri Lanka Rupee
LRD|2|Dólar liberiano|Liberian Dollar
LSL|2|Loti|Loti
LYD|3|Dinar libio|Libyan Dinar
MAD|2|Dírham marroquí|Moroccan Dirham
MDL|2|Leu moldavo|Moldovan Leu
MGA|2|Ariary malgache|Malagasy Ariary
MKD|2|Denar|Denar
MMK|2|Kyat|Kyat
MNT|2|Tugrik|Tugrik
MOP|2|Pataca|Pataca
MRU|2|Uguiya|Ouguiya
MUR|2|Rupia de Mauricio|Mauritius Rupee
MVR|2|Rufiyaa|Rufiyaa
MWK|2|Kwacha malauí|Malawi Kwacha
MXN|2|Peso mexicano|Mexican Peso
MYR|2|Ringgit malasio|Malaysian Ringgit
MZN|2|Metical mozambiqueño|Mozambique Metical
NAD|2|Dólar namibio|Namibia Dollar
NGN|2|Naira|Naira
NIO|2|Córdoba oro|Cordoba Oro
NOK|2|Corona noruega|Norwegian Krone
NPR|2|Rupia nepalí|Nepalese Rupee
NZD|2|Dólar neozelandés|New Zealand Dollar
OMR|3|Rial omaní|Rial Omani
PAB|2|Balboa|Balboa
PEN|2|Sol|Sol
PGK|2|Kina|Kina
PHP|2|Peso filipino|Philippine Peso
PKR|2|Rupia pakistaní|Pakistan Rupee
PLN|2|Esloti|Zloty
PYG|0|Guaraní|Guarani
QAR|2|Riyal catarí|Qatari Rial
RON|2|Leu rumano|Romanian Leu
RSD|2|Dinar serbio|Serbian Dinar
RUB|2|Rublo ruso|Russian Ruble
RWF|0|Franco ruandés|Rwanda Franc
SAR|2|Riyal saudí|Saudi Riyal
SBD|2|Dólar de las Islas Salomón|Solomon Islands Dollar
SCR|2|Rupia de Seychelles|Seychelles Rupee
SDG|2|Libra sudanesa|Sudanese Pound
SEK|2|Corona sueca|Swedish Krona
SGD|2|Dólar de Singapur|Singapore Dollar
SHP|2|Libra de Santa Elena|Saint Helena Pound
SLE|2|Leone|Leone
SOS|2|Chelín somalí|Somali Shilling
SRD|2|Dólar surinamés|Surinam Dollar
SSP|2|Libra sursudanesa|South Sudanese Pound
STN|2|Dobra|Dobra
SVC|2|Colón salvadoreño|El Salvador Colon
SYP|2|Libra siria|Syrian Pound
SZL|2|Lilangeni|Lilangeni
THB|2|Baht|Baht
TJS|2|Somoni|Somoni
TMT|2|Manat turcomano|Turkmenistan New Manat
TND|3|Dinar tunecino|Tunisian Dinar
TOP|2|Paanga|Pa'anga
TRY|2|Lira turca|Turkish Lira
TTD|2|Dólar de Trinidad y Tobago|Trinidad and Tobago Dollar
TWD|2|Nuevo dólar taiwanés|New Taiwan Dollar
TZS|2|Chelín tanzano|Tanzanian Shilling
UAH|2|Grivna|Hryvnia
UGX|0|Chelín ugandés|Uganda Shilling
USD|2|Dólar estadounidense|US Dollar
UYU|2|Peso uruguayo|Peso Uruguayo
UZS|2|Som uzbeko|Uzbekistan Sum
VES|2|Bolívar soberano|Bolívar Soberano
VND|0|Dong|Dong
VUV|0|Vatu|Vatu
WST|2|Tala|Tala
XAF|0|Franco CFA de África Central|CFA Franc BEAC
XCD|2|Dólar del Caribe Oriental|East Caribbean Dollar
XCG|2|Florín del Caribe|Caribbean Guilder
XOF|0|Franco CFA de África Occidental|CFA Franc BCEAO
XPF|0|Franco CFP|CFP Franc
YER|2|Rial yemení|Yemeni Rial
ZAR|2|Rand|Rand
ZMW|2|Kwacha zambiano|Zambian Kwacha
ZWG|2|Oro de Zimbabue|Zimbabwe Gold
"""

# The six axes of Mexico City's 2021 international-action report: Spanish | English
AXES_2021 = """
Igualdad de Derechos|Equal Rights
Ciudad Sustentable|Sustainable City
Más y Mejor Movilidad|More and Better Mobility
Capital Cultural de América|Cultural Capital of America
Cero Agresión y Más Seguridad|Zero Aggression and More Security
Ciencia, Innovación y Tecnología|Science, Innovation and Technology
"""


def rows(table: str, columns: int) -> list[list[str]]:
    out = []
    for line in table.strip().splitlines():
        cols = line.split("|")
        if len(cols) != columns:
            raise SystemExit(f"expected {columns} columns, got {len(cols)}: {line}")
        out.append(cols)
    return out


def parse_observance(cols: list[str]) -> dict:
    day, name_es, name_en, colors_es, colors_en = cols
    month, dom = (int(part) for part in day.split("-"))
    return {
        "month": month,
        "day": dom,
        "name_es": name_es,
        "name_en": name_en,
        "colors_es": colors_es or None,
        "colors_en": colors_en or None,
    }


def parse_currency(cols: list[str]) -> dict:
    code, minor_units, name_es, name_en = cols
    return {"code": code, "minor_units": int(minor_units), "name_es": name_es, "name_en": name_en}


def write(name: str, data: list) -> None:
    out = pathlib.Path(__file__).with_name(name)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data):4} entries -> {out.name}")


def main() -> None:
    write("countries.json", [parse_row(cols) for cols in rows(COUNTRIES, 11)])
    write("observances.json", [parse_observance(cols) for cols in rows(OBSERVANCES, 5)])
    write("currencies.json", [parse_currency(cols) for cols in rows(CURRENCIES, 4)])
    axes = [{"order": i + 1, "name_es": es, "name_en": en} for i, (es, en) in enumerate(rows(AXES_2021, 2))]
    write("axes_2021.json", axes)


if __name__ == "__main__":
    main()
