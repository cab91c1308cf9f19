import ChurnModel
print(ChurnSimVersion.current)
