" Shell syntax stand-in (isn sample repository)
syn keyword shStatement echo exit
