print("teamsh: under construction")
