// Where a page holds saved widgets but none could be drawn (scripts blocked, an old browser),
// say so and show the ways to practise instead of leaving an empty area (book/_ext/offline_widgets.py).
(function () {
  "use strict";
  var TEXT = {
    en: ["The interactive tool cannot be shown on this page here (its scripts did not load).",
         "Practise with it in JupyterLab instead: on Binder with the launch button at the top of this page, or on your own computer with ",
         "Open on Binder"],
    fi: ["Vuorovaikutteista työkalua ei voida näyttää tällä sivulla (sen skriptit eivät latautuneet).",
         "Harjoittele sen kanssa JupyterLabissa: Binderissa sivun yläreunan käynnistyspainikkeella tai omalla koneellasi komennolla ",
         "Avaa Binderissa"],
    sv: ["Det interaktiva verktyget kan inte visas på den här sidan (dess skript laddades inte).",
         "Öva med det i JupyterLab i stället: på Binder med startknappen högst upp på sidan, eller på din egen dator med ",
         "Öppna på Binder"]
  };
  var VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function drawn(script) {
    var before = script.previousElementSibling;
    return before !== null && before.classList.contains("widget-subarea") && before.children.length > 0;
  }

  function note() {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    var t = TEXT[lang] || TEXT.en;
    var box = document.createElement("div");
    box.className = "admonition note mc-widget-fallback";
    box.setAttribute("role", "note");
    var first = document.createElement("p");
    first.textContent = t[0];
    var second = document.createElement("p");
    second.appendChild(document.createTextNode(t[1]));
    var code = document.createElement("code");
    code.textContent = "make start";
    second.appendChild(code);
    second.appendChild(document.createTextNode("."));
    box.appendChild(first);
    box.appendChild(second);
    var binder = document.querySelector('a[href*="mybinder.org/v2/"]');
    if (binder) {
      var p = document.createElement("p");
      var link = document.createElement("a");
      link.href = binder.href;
      link.textContent = t[2];
      p.appendChild(link);
      box.appendChild(p);
    }
    return box;
  }

  function check() {
    var scripts = document.querySelectorAll(VIEW);
    for (var i = 0; i < scripts.length; i++) {
      var script = scripts[i];
      if (!drawn(script) && !script.dataset.mcFallback) {
        script.dataset.mcFallback = "shown";
        script.parentElement.insertBefore(note(), script);
      }
    }
    document.documentElement.dataset.mcWidgetsChecked = "true";
  }

  window.addEventListener("load", function () { window.setTimeout(check, 3000); });
})();
