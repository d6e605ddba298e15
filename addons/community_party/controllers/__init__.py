from . import portal, xlsx
