from . import league, portal
