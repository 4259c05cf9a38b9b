// Companies of the Renault–Nissan–Mitsubishi Alliance seed corpus: the three members and Ampere,
// Renault's electric-vehicle business. Entities only; the facts that link them come from the
// articles. `aliases` lists every surface form the articles (the originals in ../shared/seeds and
// the rewrites in seeds/articles) use for a company, descriptive ones included, so the ingest's
// gazetteer can resolve "the Lozenge house" or "the Japanese giant". Extra properties are public
// knowledge: country of the head office, year founded (integer) and the head-office city.

CREATE (:Company {name: 'Renault', aliases: ['Renault Group', 'Groupe Renault', 'Renault S.A.', 'the Lozenge house', 'Lozenge house', 'the Losanga carmaker', 'Losanga carmaker'], country: 'France', founded: 1899, headquarters: 'Boulogne-Billancourt', sector: 'automotive'});
CREATE (:Company {name: 'Nissan', aliases: ['Nissan Motor', 'Nissan Motor Co.', 'Nissan Motor Company', 'the Japanese giant', 'Japanese giant'], country: 'Japan', founded: 1933, headquarters: 'Yokohama', sector: 'automotive'});
CREATE (:Company {name: 'Mitsubishi', aliases: ['Mitsubishi Motors', 'Mitsubishi Motors Corporation', 'MMC'], country: 'Japan', founded: 1970, headquarters: 'Tokyo', sector: 'automotive'});
// Ampere: announced in 2022 as one of the five businesses of Renault's reorganisation, dedicated
// solely to electric vehicles.
CREATE (:Company {name: 'Ampere', aliases: ['Renault Ampere', 'Ampere SAS'], country: 'France', announced: 2022, sector: 'electric vehicles'});
