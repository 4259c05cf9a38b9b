// People named in the seed corpus. Their roles (CEO of Renault, president of the Alliance, former
// president of the Alliance) are facts and come from the articles; here only names, the spellings
// and short forms the articles use, and public biographical data (birth date, nationalities).

CREATE (:Person {name: 'Luca de Meo', aliases: ['Luca De Meo', 'de Meo', 'De Meo'], born: date('1967-06-13'), nationalities: ['Italy']});
CREATE (:Person {name: 'Jean-Dominique Senard', aliases: ['Jean-Dominique Sénard', 'Senard', 'Sénard'], born: date('1953-03-07'), nationalities: ['France']});
CREATE (:Person {name: 'Carlos Ghosn', aliases: ['Ghosn'], born: date('1954-03-09'), nationalities: ['Brazil', 'France', 'Lebanon']});
