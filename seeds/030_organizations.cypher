// Organizations of the seed corpus: the Alliance itself (an :Organization:Alliance), its operating
// board, Renault's largest shareholder (the French government) and the outlet the 2023 article
// cites (Carscoops). `kind` is one of government, alliance, media, other (DESIGN.md, "Domain
// vocabulary"). The Alliance's size (employees, plants) is public data reported by both articles.

CREATE (:Organization:Alliance {name: 'Renault–Nissan–Mitsubishi Alliance', kind: 'alliance', aliases: ['Renault-Nissan-Mitsubishi Alliance', 'Renault Nissan Mitsubishi Alliance', 'the Alliance', 'Alliance', 'the alliance', 'the partnership'], founded: 1999});
CREATE (:Organization {name: 'Alliance Operating Board', kind: 'other', aliases: ['the operating board', 'operating board', 'the Alliance\'s operating board']});
CREATE (:Organization {name: 'French government', kind: 'government', aliases: ['the French government', 'French State', 'the French State', 'the French state'], country: 'France'});
CREATE (:Organization {name: 'Carscoops', kind: 'media', aliases: ['carscoops.com'], website: 'https://www.carscoops.com'});
