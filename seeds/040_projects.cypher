// Projects of the seed corpus: the Alliance 2030 plan, the technology areas the members lead
// (E/E architecture, autonomous driving, solid-state batteries) and the joint projects approved in
// 2023 (commercial vehicles, the Indian market, Latin America; two more were approved but not
// named). Who leads or takes part in each, and which market each targets, comes from the articles.

CREATE (:Project {name: 'Alliance 2030', aliases: ['Alliance 2030 plan', 'the Alliance 2030 plan', 'Alliance 2030 expansion plan'], kind: 'plan', announced: date('2022-01-27')});
CREATE (:Project {name: 'E/E architecture', aliases: ['E / E architecture', 'the E/E architecture', 'the E / E architecture', 'electrical/electronic architecture', 'electrical and electronic architecture'], kind: 'technology', scope: 'software and computing power of electric cars'});
CREATE (:Project {name: 'Autonomous driving', aliases: ['autonomous driving'], kind: 'technology'});
CREATE (:Project {name: 'Solid-state batteries', aliases: ['solid-state batteries', 'solid state batteries', 'solid-state battery', 'solid state battery'], kind: 'technology'});
CREATE (:Project {name: 'Commercial vehicles project', aliases: ['commercial vehicles project', 'the commercial vehicles project', 'joint project on commercial vehicles', 'commercial vehicles'], kind: 'joint project'});
CREATE (:Project {name: 'India project', aliases: ['the India project', 'joint project for the Indian market'], kind: 'joint project'});
CREATE (:Project {name: 'Latin America project', aliases: ['the Latin America project', 'joint project in Latin America'], kind: 'joint project'});
