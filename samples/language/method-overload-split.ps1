# Evidence: about_Methods ("Finding which overload was used": in "a 1 b 1 c 1 d".Split(1) the
# integer 1 converts to [char] and Split(char separator, ...) is chosen, so nothing is split and
# the string comes back whole; .Split("1") takes the string overload).
"a 1 b 1 c 1 d".Split(1)
("a 1 b 1 c 1 d".Split(1)).Count
("a 1 b 1 c 1 d".Split("1")).Count
