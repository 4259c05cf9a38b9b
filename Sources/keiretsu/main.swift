print("keiretsu")
