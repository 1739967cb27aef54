" defaults.vim stand-in (isn sample repository)
set history=200
set ruler
