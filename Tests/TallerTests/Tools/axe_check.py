"""Runs axe-core on an HTML file in headless Chromium (through Selenium and chromedriver) and
prints one line per violation: impact, rule id, and how many nodes. Usage: axe_check.py FILE AXE_JS"""
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

options = Options()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024"):
    options.add_argument(arg)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + sys.argv[1])
    driver.execute_script(open(sys.argv[2], encoding="utf-8").read())
    driver.set_script_timeout(120)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => [v.impact, v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))])));")
    for impact, rule, count, where in result:
        print(impact, rule, count, json.dumps(where))
finally:
    driver.quit()
