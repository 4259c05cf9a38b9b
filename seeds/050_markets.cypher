// Markets of the seed corpus: the geographic markets the joint projects target, the electric-vehicle
// segment Ampere is dedicated to, and the world market the Alliance covers. `kind` says whether a
// market is a country, a region or a product segment.

CREATE (:Market {name: 'India', aliases: ['the Indian market', 'Indian market'], kind: 'country', region: 'Asia'});
CREATE (:Market {name: 'Latin America', aliases: ['the Latin American market', 'Latin American market'], kind: 'region'});
CREATE (:Market {name: 'Electric vehicles', aliases: ['electric vehicles', 'electric cars', 'the electric-vehicle market', 'EV market'], kind: 'segment'});
CREATE (:Market {name: 'Global', aliases: ['all major markets', 'all major markets globally', 'worldwide'], kind: 'global'});
