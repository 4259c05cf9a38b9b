// Gazetteer for the ingest evaluation corpus in this folder: the entities the extractor may look up
// by name or alias. It deliberately names only part of the corpus (about half of the companies, a
// few people, the airline alliances, two governments and the larger markets); every other entity
// in the *.expected.json files has to be found by the extractor from cues in the text ("a
// subsidiary of", "the chief executive of", "Motor", "Airlines", "holds 8.8% of" ...).
// Names are the canonical names used in the annotations. Same Cypher subset as seeds/*.cypher.

// Companies (31 of the corpus's 62)
CREATE (:Company {name: 'Toyota Motor', aliases: ['Toyota', 'Toyota Motor Corporation'], country: 'Japan'});
CREATE (:Company {name: 'Subaru', aliases: ['Subaru Corporation', 'Fuji Heavy Industries'], country: 'Japan'});
CREATE (:Company {name: 'Mazda', aliases: ['Mazda Motor', 'Mazda Motor Corporation'], country: 'Japan'});
CREATE (:Company {name: 'Suzuki Motor', aliases: ['Suzuki', 'Suzuki Motor Corporation'], country: 'Japan'});
CREATE (:Company {name: 'Honda', aliases: ['Honda Motor', 'Honda Motor Co.'], country: 'Japan'});
CREATE (:Company {name: 'Nissan', aliases: ['Nissan Motor', 'Nissan Motor Co.'], country: 'Japan'});
CREATE (:Company {name: 'Mitsubishi Motors', aliases: ['Mitsubishi', 'Mitsubishi Motors Corporation'], country: 'Japan'});
CREATE (:Company {name: 'Renault', aliases: ['Renault Group', 'Groupe Renault'], country: 'France'});
CREATE (:Company {name: 'Stellantis', aliases: ['Stellantis N.V.'], country: 'Netherlands'});
CREATE (:Company {name: 'PSA', aliases: ['Groupe PSA', 'PSA Group', 'Peugeot S.A.'], country: 'France'});
CREATE (:Company {name: 'Fiat Chrysler Automobiles', aliases: ['Fiat Chrysler', 'FCA'], country: 'Italy'});
CREATE (:Company {name: 'Volkswagen', aliases: ['Volkswagen Group', 'Volkswagen AG', 'VW'], country: 'Germany'});
CREATE (:Company {name: 'Ford', aliases: ['Ford Motor', 'Ford Motor Company'], country: 'United States'});
CREATE (:Company {name: 'General Motors', aliases: ['GM', 'General Motors Company'], country: 'United States'});
CREATE (:Company {name: 'Daimler', aliases: ['Daimler AG'], country: 'Germany'});
CREATE (:Company {name: 'Zhejiang Geely Holding', aliases: ['Geely', 'Geely Holding', 'Zhejiang Geely Holding Group'], country: 'China'});
CREATE (:Company {name: 'Volvo Cars', aliases: ['Volvo Car Corporation', 'Volvo Car Group'], country: 'Sweden'});
CREATE (:Company {name: 'Hyundai Motor', aliases: ['Hyundai Motor Company'], country: 'South Korea'});
CREATE (:Company {name: 'Kia', aliases: ['Kia Corporation', 'Kia Motors'], country: 'South Korea'});
CREATE (:Company {name: 'Sony Group', aliases: ['Sony', 'Sony Group Corporation'], country: 'Japan'});
CREATE (:Company {name: 'Lufthansa Group', aliases: ['Lufthansa', 'Deutsche Lufthansa'], country: 'Germany'});
CREATE (:Company {name: 'Delta Air Lines', aliases: ['Delta'], country: 'United States'});
CREATE (:Company {name: 'Air France-KLM', aliases: ['Air France-KLM Group', 'AF-KLM'], country: 'France'});
CREATE (:Company {name: 'Air France', aliases: ['Société Air France'], country: 'France'});
CREATE (:Company {name: 'KLM', aliases: ['KLM Royal Dutch Airlines'], country: 'Netherlands'});
CREATE (:Company {name: 'BAIC Group', aliases: ['BAIC', 'Beijing Automotive Group'], country: 'China'});
CREATE (:Company {name: 'Mahindra & Mahindra', aliases: ['Mahindra', 'M&M'], country: 'India'});
CREATE (:Company {name: 'Leapmotor', aliases: ['Zhejiang Leapmotor Technology'], country: 'China'});
CREATE (:Company {name: 'Cruise', aliases: ['Cruise Automation', 'GM Cruise'], country: 'United States'});
CREATE (:Company {name: 'Argo AI', aliases: ['Argo'], country: 'United States'});
CREATE (:Company {name: 'BYD', aliases: ['BYD Auto', 'BYD Company'], country: 'China'});

// People (a few; the others must be found from "the chief executive of" and similar cues)
CREATE (:Person {name: 'Akio Toyoda', aliases: ['Toyoda']});
CREATE (:Person {name: 'Carlos Tavares', aliases: ['Tavares']});
CREATE (:Person {name: 'Toshihiro Mibe', aliases: ['Mibe']});
CREATE (:Person {name: 'Li Shufu', aliases: []});
CREATE (:Person {name: 'Ola Källenius', aliases: ['Ola Kallenius', 'Källenius', 'Kallenius']});

// Organizations
CREATE (:Organization:Alliance {name: 'Star Alliance', kind: 'alliance', aliases: []});
CREATE (:Organization:Alliance {name: 'SkyTeam', kind: 'alliance', aliases: ['the airline alliance']});
CREATE (:Organization {name: 'Hyundai Motor Group', kind: 'other', aliases: ['Hyundai group']});
CREATE (:Organization {name: 'French state', kind: 'government', aliases: ['the French state', 'The French state', 'the French government', 'French government']});

// Markets (the larger ones; Africa, Brazil, Italy, South Korea, the Middle East ... are left to cues)
CREATE (:Market {name: 'United States', aliases: ['the United States', 'US', 'U.S.', 'USA'], kind: 'country'});
CREATE (:Market {name: 'China', aliases: ['mainland China'], kind: 'country'});
CREATE (:Market {name: 'Japan', aliases: [], kind: 'country'});
CREATE (:Market {name: 'India', aliases: ['the Indian market'], kind: 'country'});
CREATE (:Market {name: 'Europe', aliases: ['the European market'], kind: 'region'});
CREATE (:Market {name: 'North America', aliases: ['the North American market'], kind: 'region'});
CREATE (:Market {name: 'South America', aliases: ['the South American market'], kind: 'region'});
