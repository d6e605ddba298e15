from . import portal
from . import league
