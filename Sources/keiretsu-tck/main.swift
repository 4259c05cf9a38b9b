print("keiretsu-tck: not built yet")
