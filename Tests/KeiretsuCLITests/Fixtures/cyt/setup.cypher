// Included by pass.cyt as a plain script.
CREATE (:Market {name: 'Gamma market'});
